using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pipelines_Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipelines_excavation_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicantEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FiledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AreaWkb = table.Column<byte[]>(type: "bytea", nullable: false),
                    MinX = table.Column<double>(type: "double precision", nullable: false),
                    MinY = table.Column<double>(type: "double precision", nullable: false),
                    MaxX = table.Column<double>(type: "double precision", nullable: false),
                    MaxY = table.Column<double>(type: "double precision", nullable: false),
                    DepthM = table.Column<double>(type: "double precision", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FiledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckedAtVersion = table.Column<long>(type: "bigint", nullable: false),
                    PermitNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PermitFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PermitUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_excavation_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_excavation_requests_enterprises_enterprises_Appli~",
                        column: x => x.ApplicantEnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_networks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClearanceM = table.Column<double>(type: "double precision", nullable: false),
                    Color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_networks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_registry_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_registry_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_utilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_utilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_utilities_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_excavation_conflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    SegmentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    DistanceM = table.Column<double>(type: "double precision", nullable: false),
                    ClearanceM = table.Column<double>(type: "double precision", nullable: false),
                    OwnerEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_excavation_conflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_excavation_conflicts_pipelines_excavation_request~",
                        column: x => x.RequestId,
                        principalTable: "pipelines_excavation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_owner_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    OwnerEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "integer", nullable: true),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EscalatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_owner_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_owner_answers_enterprises_enterprises_OwnerEnterp~",
                        column: x => x.OwnerEnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pipelines_owner_answers_pipelines_excavation_requests_Reque~",
                        column: x => x.RequestId,
                        principalTable: "pipelines_excavation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_nodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    X = table.Column<double>(type: "double precision", nullable: false),
                    Y = table.Column<double>(type: "double precision", nullable: false),
                    DepthM = table.Column<double>(type: "double precision", nullable: true),
                    OwnerEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_nodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_nodes_enterprises_enterprises_OwnerEnterpriseId",
                        column: x => x.OwnerEnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pipelines_nodes_pipelines_networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "pipelines_networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_segments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Material = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DiameterMm = table.Column<int>(type: "integer", nullable: true),
                    Section = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DepthStartM = table.Column<double>(type: "double precision", nullable: false),
                    DepthEndM = table.Column<double>(type: "double precision", nullable: false),
                    PressureClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OwnerEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "integer", nullable: true),
                    BuildYear = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Wkb = table.Column<byte[]>(type: "bytea", nullable: false),
                    MinX = table.Column<double>(type: "double precision", nullable: false),
                    MinY = table.Column<double>(type: "double precision", nullable: false),
                    MaxX = table.Column<double>(type: "double precision", nullable: false),
                    MaxY = table.Column<double>(type: "double precision", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ChangedVersion = table.Column<long>(type: "bigint", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_segments_enterprises_enterprises_OwnerEnterpriseId",
                        column: x => x.OwnerEnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pipelines_segments_pipelines_networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "pipelines_networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pipelines_segments_pipelines_utilities_OwnerUtilityId",
                        column: x => x.OwnerUtilityId,
                        principalTable: "pipelines_utilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pipelines_segment_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Material = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DiameterMm = table.Column<int>(type: "integer", nullable: true),
                    Section = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DepthStartM = table.Column<double>(type: "double precision", nullable: false),
                    DepthEndM = table.Column<double>(type: "double precision", nullable: false),
                    PressureClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OwnerEnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUtilityId = table.Column<int>(type: "integer", nullable: true),
                    BuildYear = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Wkb = table.Column<byte[]>(type: "bytea", nullable: false),
                    MinX = table.Column<double>(type: "double precision", nullable: false),
                    MinY = table.Column<double>(type: "double precision", nullable: false),
                    MaxX = table.Column<double>(type: "double precision", nullable: false),
                    MaxY = table.Column<double>(type: "double precision", nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidToUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipelines_segment_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipelines_segment_versions_pipelines_segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "pipelines_segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "pipelines_registry_state",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_excavation_conflicts_RequestId",
                table: "pipelines_excavation_conflicts",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_excavation_requests_ApplicantEnterpriseId",
                table: "pipelines_excavation_requests",
                column: "ApplicantEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_excavation_requests_Number",
                table: "pipelines_excavation_requests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_excavation_requests_Status",
                table: "pipelines_excavation_requests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_networks_Code",
                table: "pipelines_networks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_nodes_Code",
                table: "pipelines_nodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_nodes_NetworkId",
                table: "pipelines_nodes",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_nodes_OwnerEnterpriseId",
                table: "pipelines_nodes",
                column: "OwnerEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_nodes_X_Y",
                table: "pipelines_nodes",
                columns: new[] { "X", "Y" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_owner_answers_Code_DueUtc",
                table: "pipelines_owner_answers",
                columns: new[] { "Code", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_owner_answers_OwnerEnterpriseId",
                table: "pipelines_owner_answers",
                column: "OwnerEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_owner_answers_RequestId_OwnerEnterpriseId_OwnerUt~",
                table: "pipelines_owner_answers",
                columns: new[] { "RequestId", "OwnerEnterpriseId", "OwnerUtilityId" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segment_versions_SegmentId_Revision",
                table: "pipelines_segment_versions",
                columns: new[] { "SegmentId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segment_versions_ValidFromUtc_ValidToUtc",
                table: "pipelines_segment_versions",
                columns: new[] { "ValidFromUtc", "ValidToUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_ChangedVersion",
                table: "pipelines_segments",
                column: "ChangedVersion");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_Code",
                table: "pipelines_segments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_MinX_MaxX_MinY_MaxY",
                table: "pipelines_segments",
                columns: new[] { "MinX", "MaxX", "MinY", "MaxY" });

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_NetworkId",
                table: "pipelines_segments",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_OwnerEnterpriseId",
                table: "pipelines_segments",
                column: "OwnerEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_segments_OwnerUtilityId",
                table: "pipelines_segments",
                column: "OwnerUtilityId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_utilities_DepartmentId",
                table: "pipelines_utilities",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_pipelines_utilities_Name",
                table: "pipelines_utilities",
                column: "Name",
                unique: true);

            // PostGIS's own geometry of each pipe segment, computed by the database from the WKB so the two never
            // drift apart, with a GiST index (docs/decisions/010-pipeline-geometry.md). Not in the EF model: the app
            // reads the WKB on both providers; this is for spatial SQL and GIS clients reading the table.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS postgis;");
            migrationBuilder.Sql("""
                ALTER TABLE pipelines_segments ADD COLUMN geom geometry(LineString, 4548)
                    GENERATED ALWAYS AS (ST_GeomFromWKB("Wkb", 4548)) STORED;
                CREATE INDEX "IX_pipelines_segments_geom" ON pipelines_segments USING gist (geom);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_pipelines_segments_geom\";");
            migrationBuilder.Sql("ALTER TABLE pipelines_segments DROP COLUMN IF EXISTS geom;");

            migrationBuilder.DropTable(
                name: "pipelines_excavation_conflicts");

            migrationBuilder.DropTable(
                name: "pipelines_nodes");

            migrationBuilder.DropTable(
                name: "pipelines_owner_answers");

            migrationBuilder.DropTable(
                name: "pipelines_registry_state");

            migrationBuilder.DropTable(
                name: "pipelines_segment_versions");

            migrationBuilder.DropTable(
                name: "pipelines_excavation_requests");

            migrationBuilder.DropTable(
                name: "pipelines_segments");

            migrationBuilder.DropTable(
                name: "pipelines_networks");

            migrationBuilder.DropTable(
                name: "pipelines_utilities");
        }
    }
}
