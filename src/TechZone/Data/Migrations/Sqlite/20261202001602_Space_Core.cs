using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Space_Core : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "space_land_thresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MinTaxPerMuFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxIdleYears = table.Column<int>(type: "INTEGER", nullable: false),
                    MinPlotRatio = table.Column<double>(type: "REAL", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_land_thresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "space_parcels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    LandUse = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HolderId = table.Column<int>(type: "INTEGER", nullable: true),
                    AcquiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlotRatio = table.Column<double>(type: "REAL", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    MinLon = table.Column<double>(type: "REAL", nullable: true),
                    MinLat = table.Column<double>(type: "REAL", nullable: true),
                    MaxLon = table.Column<double>(type: "REAL", nullable: true),
                    MaxLat = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_parcels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_parcels_enterprises_enterprises_HolderId",
                        column: x => x.HolderId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_parcels_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_park_boundaries",
                columns: table => new
                {
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    MinLon = table.Column<double>(type: "REAL", nullable: true),
                    MinLat = table.Column<double>(type: "REAL", nullable: true),
                    MaxLon = table.Column<double>(type: "REAL", nullable: true),
                    MaxLat = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_park_boundaries", x => x.ParkId);
                    table.ForeignKey(
                        name: "FK_space_park_boundaries_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinAreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxAreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: true),
                    MinFloorLoadTenths = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsCleanRoom = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsExhaust = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsLabSinks = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinPowerKw = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: true),
                    MoveInOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_requests_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_requests_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_survey_campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SurveyOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_survey_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "space_buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GrossAreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    LeasableAreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    FloorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ParcelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    MinLon = table.Column<double>(type: "REAL", nullable: true),
                    MinLat = table.Column<double>(type: "REAL", nullable: true),
                    MaxLon = table.Column<double>(type: "REAL", nullable: true),
                    MaxLat = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_buildings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_buildings_platform_parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "platform_parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_buildings_space_parcels_ParcelId",
                        column: x => x.ParcelId,
                        principalTable: "space_parcels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "space_disposal_cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParcelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_disposal_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_disposal_cases_space_parcels_ParcelId",
                        column: x => x.ParcelId,
                        principalTable: "space_parcels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_leases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    RentFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_leases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_leases_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_leases_space_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "space_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "space_floors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_floors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_floors_space_buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "space_buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_survey_campaign_buildings",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_survey_campaign_buildings", x => new { x.CampaignId, x.BuildingId });
                    table.ForeignKey(
                        name: "FK_space_survey_campaign_buildings_space_buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "space_buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_survey_campaign_buildings_space_survey_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "space_survey_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_disposal_steps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_disposal_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_disposal_steps_space_disposal_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "space_disposal_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    FloorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AreaDm2 = table.Column<long>(type: "INTEGER", nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FloorLoadTenths = table.Column<int>(type: "INTEGER", nullable: false),
                    CleanRoom = table.Column<bool>(type: "INTEGER", nullable: false),
                    Exhaust = table.Column<bool>(type: "INTEGER", nullable: false),
                    LabSinks = table.Column<bool>(type: "INTEGER", nullable: false),
                    PowerKw = table.Column<int>(type: "INTEGER", nullable: false),
                    AskingRentFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_units_space_buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "space_buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_units_space_floors_FloorId",
                        column: x => x.FloorId,
                        principalTable: "space_floors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_lease_units",
                columns: table => new
                {
                    LeaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_lease_units", x => new { x.LeaseId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_space_lease_units_space_leases_LeaseId",
                        column: x => x.LeaseId,
                        principalTable: "space_leases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_space_lease_units_space_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "space_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RentFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_offers_space_leases_LeaseId",
                        column: x => x.LeaseId,
                        principalTable: "space_leases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_space_offers_space_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "space_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_space_offers_space_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "space_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "space_survey_records",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Usage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeaseholderId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActualUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActualUserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subletting = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_space_survey_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_space_survey_records_enterprises_enterprises_ActualUserId",
                        column: x => x.ActualUserId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_survey_records_enterprises_enterprises_LeaseholderId",
                        column: x => x.LeaseholderId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_space_survey_records_space_survey_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "space_survey_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_space_survey_records_space_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "space_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_space_buildings_MinLon_MaxLon_MinLat_MaxLat",
                table: "space_buildings",
                columns: new[] { "MinLon", "MaxLon", "MinLat", "MaxLat" });

            migrationBuilder.CreateIndex(
                name: "IX_space_buildings_ParcelId",
                table: "space_buildings",
                column: "ParcelId");

            migrationBuilder.CreateIndex(
                name: "IX_space_buildings_ParkId_Name",
                table: "space_buildings",
                columns: new[] { "ParkId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_disposal_cases_ParcelId",
                table: "space_disposal_cases",
                column: "ParcelId");

            migrationBuilder.CreateIndex(
                name: "IX_space_disposal_steps_CaseId",
                table: "space_disposal_steps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_space_floors_BuildingId_Level",
                table: "space_floors",
                columns: new[] { "BuildingId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_lease_units_UnitId_StartOn_EndOn",
                table: "space_lease_units",
                columns: new[] { "UnitId", "StartOn", "EndOn" });

            migrationBuilder.CreateIndex(
                name: "IX_space_leases_EndOn",
                table: "space_leases",
                column: "EndOn");

            migrationBuilder.CreateIndex(
                name: "IX_space_leases_EnterpriseId",
                table: "space_leases",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_space_leases_RequestId",
                table: "space_leases",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_space_offers_LeaseId",
                table: "space_offers",
                column: "LeaseId");

            migrationBuilder.CreateIndex(
                name: "IX_space_offers_RequestId",
                table: "space_offers",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_space_offers_UnitId",
                table: "space_offers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_space_parcels_HolderId",
                table: "space_parcels",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_space_parcels_MinLon_MaxLon_MinLat_MaxLat",
                table: "space_parcels",
                columns: new[] { "MinLon", "MaxLon", "MinLat", "MaxLat" });

            migrationBuilder.CreateIndex(
                name: "IX_space_parcels_Number",
                table: "space_parcels",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_parcels_ParkId",
                table: "space_parcels",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_space_requests_EnterpriseId",
                table: "space_requests",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_space_requests_ParkId",
                table: "space_requests",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_space_requests_Status",
                table: "space_requests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_campaign_buildings_BuildingId",
                table: "space_survey_campaign_buildings",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_records_ActualUserId",
                table: "space_survey_records",
                column: "ActualUserId");

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_records_CampaignId_BuildingId",
                table: "space_survey_records",
                columns: new[] { "CampaignId", "BuildingId" });

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_records_CampaignId_UnitId",
                table: "space_survey_records",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_records_LeaseholderId",
                table: "space_survey_records",
                column: "LeaseholderId");

            migrationBuilder.CreateIndex(
                name: "IX_space_survey_records_UnitId",
                table: "space_survey_records",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_space_units_BuildingId_Number",
                table: "space_units",
                columns: new[] { "BuildingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_units_FloorId",
                table: "space_units",
                column: "FloorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "space_disposal_steps");

            migrationBuilder.DropTable(
                name: "space_land_thresholds");

            migrationBuilder.DropTable(
                name: "space_lease_units");

            migrationBuilder.DropTable(
                name: "space_offers");

            migrationBuilder.DropTable(
                name: "space_park_boundaries");

            migrationBuilder.DropTable(
                name: "space_survey_campaign_buildings");

            migrationBuilder.DropTable(
                name: "space_survey_records");

            migrationBuilder.DropTable(
                name: "space_disposal_cases");

            migrationBuilder.DropTable(
                name: "space_leases");

            migrationBuilder.DropTable(
                name: "space_survey_campaigns");

            migrationBuilder.DropTable(
                name: "space_units");

            migrationBuilder.DropTable(
                name: "space_requests");

            migrationBuilder.DropTable(
                name: "space_floors");

            migrationBuilder.DropTable(
                name: "space_buildings");

            migrationBuilder.DropTable(
                name: "space_parcels");
        }
    }
}
