using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Pipelines_AsBuilt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedUtc",
                table: "pipelines_excavation_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pipelines_asbuilt_surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    NoChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_asbuilt_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_asbuilt_surveys_pipelines_excavation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "pipelines_excavation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_asbuilt_features",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeatureIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Material = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DiameterMm = table.Column<int>(type: "INTEGER", nullable: true),
                    Section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DepthStartM = table.Column<double>(type: "REAL", nullable: false),
                    DepthEndM = table.Column<double>(type: "REAL", nullable: false),
                    PressureClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnerEnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "INTEGER", nullable: true),
                    BuildYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Wkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReplacesSegmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SegmentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_asbuilt_features", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_asbuilt_features_pipelines_asbuilt_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "pipelines_asbuilt_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_asbuilt_features_SurveyId",
                table: "pipelines_asbuilt_features",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_asbuilt_surveys_RequestId_Round",
                table: "pipelines_asbuilt_surveys",
                columns: new[] { "RequestId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_asbuilt_surveys_Status",
                table: "pipelines_asbuilt_surveys",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipelines_asbuilt_features");

            migrationBuilder.DropTable(
                name: "pipelines_asbuilt_surveys");

            migrationBuilder.DropColumn(
                name: "ClosedUtc",
                table: "pipelines_excavation_requests");
        }
    }
}
