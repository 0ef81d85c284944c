using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Policies_Fulfillment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormJson",
                table: "policies_items",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "policies_applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StageNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PrecheckVerdict = table.Column<byte>(type: "INTEGER", nullable: false),
                    PrecheckBenefitFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedFen = table.Column<long>(type: "INTEGER", nullable: true),
                    NoticeStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_applications_policies_items_PolicyItemId",
                        column: x => x.PolicyItemId,
                        principalTable: "policies_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_applications_policies_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policies_stages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_stages_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_stages_policies_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_application_revisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PrecheckVerdict = table.Column<byte>(type: "INTEGER", nullable: false),
                    PrecheckBenefitFen = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_application_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_application_revisions_policies_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "policies_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_application_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_application_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_application_steps_policies_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "policies_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DropReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_awards_policies_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "policies_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_awards_policies_items_PolicyItemId",
                        column: x => x.PolicyItemId,
                        principalTable: "policies_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policies_awards_policies_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policies_objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LodgedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_objections_policies_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "policies_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_tranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_tranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_tranches_policies_awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "policies_awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policies_application_revisions_ApplicationId_Revision",
                table: "policies_application_revisions",
                columns: new[] { "ApplicationId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_application_steps_ApplicationId",
                table: "policies_application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_applications_EnterpriseId_PolicyItemId",
                table: "policies_applications",
                columns: new[] { "EnterpriseId", "PolicyItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_applications_PolicyId_State_StageNumber",
                table: "policies_applications",
                columns: new[] { "PolicyId", "State", "StageNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_applications_PolicyItemId",
                table: "policies_applications",
                column: "PolicyItemId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_awards_ApplicationId",
                table: "policies_awards",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_awards_EnterpriseId",
                table: "policies_awards",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_awards_PolicyId_ItemCode_EnterpriseId_FiscalYear",
                table: "policies_awards",
                columns: new[] { "PolicyId", "ItemCode", "EnterpriseId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_awards_PolicyId_State",
                table: "policies_awards",
                columns: new[] { "PolicyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_awards_PolicyItemId",
                table: "policies_awards",
                column: "PolicyItemId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_objections_ApplicationId_State",
                table: "policies_objections",
                columns: new[] { "ApplicationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_objections_SourceHash_LodgedUtc",
                table: "policies_objections",
                columns: new[] { "SourceHash", "LodgedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_stages_DepartmentId",
                table: "policies_stages",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_stages_PolicyId_Number",
                table: "policies_stages",
                columns: new[] { "PolicyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_tranches_AwardId",
                table: "policies_tranches",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_tranches_PolicyId_State",
                table: "policies_tranches",
                columns: new[] { "PolicyId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policies_application_revisions");

            migrationBuilder.DropTable(
                name: "policies_application_steps");

            migrationBuilder.DropTable(
                name: "policies_objections");

            migrationBuilder.DropTable(
                name: "policies_stages");

            migrationBuilder.DropTable(
                name: "policies_tranches");

            migrationBuilder.DropTable(
                name: "policies_awards");

            migrationBuilder.DropTable(
                name: "policies_applications");

            migrationBuilder.DropColumn(
                name: "FormJson",
                table: "policies_items");
        }
    }
}
