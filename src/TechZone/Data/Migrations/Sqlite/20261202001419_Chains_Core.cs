using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Chains_Core : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chains_chains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingBelowEnterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    WeakBelowEnterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    WeakBelowRevenueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WeakWithoutLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_chains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chains_lead_stages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLanding = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_lead_stages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chains_milestone_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthsAfterStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_milestone_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chains_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StalledAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    YellowWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chains_segments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingBelowEnterprises = table.Column<int>(type: "INTEGER", nullable: true),
                    WeakBelowEnterprises = table.Column<int>(type: "INTEGER", nullable: true),
                    WeakBelowRevenueFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_segments_chains_chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "chains_chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_chains_segments_chains_segments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "chains_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chains_leads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HqCity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SizeClass = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpectedInvestmentFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpectedJobs = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpectedTaxFen = table.Column<long>(type: "INTEGER", nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NextStepDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActivityUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_leads_chains_lead_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "chains_lead_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_chains_leads_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_chains_leads_platform_users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chains_projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    InvestmentFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_projects_chains_segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "chains_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_chains_projects_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chains_segment_tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TaggedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TaggedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_segment_tags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_segment_tags_chains_segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "chains_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_chains_segment_tags_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chains_lead_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromStageId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_lead_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_lead_events_chains_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "chains_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chains_lead_segments",
                columns: table => new
                {
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_lead_segments", x => new { x.LeadId, x.SegmentId });
                    table.ForeignKey(
                        name: "FK_chains_lead_segments_chains_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "chains_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_chains_lead_segments_chains_segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "chains_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chains_project_milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chains_project_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chains_project_milestones_chains_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "chains_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chains_chains_Code",
                table: "chains_chains",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chains_lead_events_LeadId",
                table: "chains_lead_events",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_lead_segments_SegmentId",
                table: "chains_lead_segments",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_lead_stages_Code",
                table: "chains_lead_stages",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chains_leads_EnterpriseId",
                table: "chains_leads",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_leads_OwnerId",
                table: "chains_leads",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_leads_StageId",
                table: "chains_leads",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_leads_Status_StageId",
                table: "chains_leads",
                columns: new[] { "Status", "StageId" });

            migrationBuilder.CreateIndex(
                name: "IX_chains_project_milestones_ProjectId",
                table: "chains_project_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_projects_EnterpriseId",
                table: "chains_projects",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_projects_SegmentId",
                table: "chains_projects",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_segment_tags_EnterpriseId",
                table: "chains_segment_tags",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_chains_segment_tags_SegmentId_EnterpriseId",
                table: "chains_segment_tags",
                columns: new[] { "SegmentId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chains_segments_ChainId_ParentId_SortOrder",
                table: "chains_segments",
                columns: new[] { "ChainId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_chains_segments_ParentId",
                table: "chains_segments",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chains_lead_events");

            migrationBuilder.DropTable(
                name: "chains_lead_segments");

            migrationBuilder.DropTable(
                name: "chains_milestone_templates");

            migrationBuilder.DropTable(
                name: "chains_project_milestones");

            migrationBuilder.DropTable(
                name: "chains_segment_tags");

            migrationBuilder.DropTable(
                name: "chains_settings");

            migrationBuilder.DropTable(
                name: "chains_leads");

            migrationBuilder.DropTable(
                name: "chains_projects");

            migrationBuilder.DropTable(
                name: "chains_lead_stages");

            migrationBuilder.DropTable(
                name: "chains_segments");

            migrationBuilder.DropTable(
                name: "chains_chains");
        }
    }
}
