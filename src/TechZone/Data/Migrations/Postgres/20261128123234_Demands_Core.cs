using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands_Core : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_categories_demands_categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demands_demands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ParkId = table.Column<int>(type: "integer", nullable: true),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    RaisedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    PossibleDuplicateOfId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_demands_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_demands_demands_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_demands_demands_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demands_response_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_response_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_response_templates_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "demands_routes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    ParkId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_routes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_routes_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_demands_routes_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_demands_routes_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_slas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_slas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_slas_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_demands_slas_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemandId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_events_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_parts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DemandId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SlaDays = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EscalatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_parts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_parts_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_demands_parts_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_categories_Code",
                table: "demands_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_categories_ParentId",
                table: "demands_categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CategoryId_Status",
                table: "demands_demands",
                columns: new[] { "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_EnterpriseId_RaisedUtc",
                table: "demands_demands",
                columns: new[] { "EnterpriseId", "RaisedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_ParkId_Status",
                table: "demands_demands",
                columns: new[] { "ParkId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_RaisedUtc",
                table: "demands_demands",
                column: "RaisedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Status_DueUtc",
                table: "demands_demands",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_VisitId",
                table: "demands_demands",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_events_DemandId_AtUtc",
                table: "demands_events",
                columns: new[] { "DemandId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_parts_DemandId",
                table: "demands_parts",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_parts_DepartmentId_Status_DueUtc",
                table: "demands_parts",
                columns: new[] { "DepartmentId", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_parts_Status_DueUtc",
                table: "demands_parts",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_response_templates_CategoryId",
                table: "demands_response_templates",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_routes_CategoryId",
                table: "demands_routes",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_routes_DepartmentId",
                table: "demands_routes",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_routes_ParkId",
                table: "demands_routes",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_slas_CategoryId",
                table: "demands_slas",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_slas_DepartmentId_CategoryId",
                table: "demands_slas",
                columns: new[] { "DepartmentId", "CategoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demands_events");

            migrationBuilder.DropTable(
                name: "demands_parts");

            migrationBuilder.DropTable(
                name: "demands_response_templates");

            migrationBuilder.DropTable(
                name: "demands_routes");

            migrationBuilder.DropTable(
                name: "demands_slas");

            migrationBuilder.DropTable(
                name: "demands_demands");

            migrationBuilder.DropTable(
                name: "demands_categories");
        }
    }
}
