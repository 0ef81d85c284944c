namespace TechZone.Space;

// Areas are stored as whole square decimetres (1 dm² = 0.01 m²): two decimals of m² as integers, which SQLite
// compares and sums exactly in SQL (it cannot compare decimals). Money is in fen, as everywhere.

/// <summary>A building (楼宇) in a park: who owns it, what kind it is, how large, and where (GeoJSON, WGS84).</summary>
public class Building : Data.IVersioned, IGeoFeature
{
    public int Id { get; set; }
    public int ParkId { get; set; }
    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    /// <summary>The enterprise that manages the building (物业/运营方); its portal users report the building's units in surveys.</summary>
    public int? ManagerEnterpriseId { get; set; }
    public string Address { get; set; } = "";
    public BuildingType Type { get; set; }
    public long GrossAreaDm2 { get; set; }
    public long LeasableAreaDm2 { get; set; }
    /// <summary>Storeys above ground as built; the floors recorded (<see cref="Floor"/>) carry the units.</summary>
    public int FloorCount { get; set; }
    /// <summary>The parcel the building stands on, when known (for 亩均 of the enterprises in it).</summary>
    public int? ParcelId { get; set; }
    public string? Geometry { get; set; }
    public double? MinLon { get; set; }
    public double? MinLat { get; set; }
    public double? MaxLon { get; set; }
    public double? MaxLat { get; set; }
    public long Version { get; set; }
}

public enum BuildingType { Office, RnD, Industrial, Lab, Apartment }

/// <summary>A floor of a building; <see cref="Level"/> orders the stacking plan (negative: basement).</summary>
public class Floor
{
    public int Id { get; set; }
    public int BuildingId { get; set; }
    public int Level { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A lettable unit (单元) on a floor, with the features a tenant may require and its asking rent.</summary>
public class Unit : Data.IVersioned
{
    public int Id { get; set; }
    public int BuildingId { get; set; }
    public int FloorId { get; set; }
    public string Number { get; set; } = "";
    public long AreaDm2 { get; set; }
    public UnitUse Use { get; set; }
    /// <summary>Floor load in tenths of kN/m² (5.0 kN/m² = 50).</summary>
    public int FloorLoadTenths { get; set; }
    public bool CleanRoom { get; set; }
    public bool Exhaust { get; set; }
    public bool LabSinks { get; set; }
    public int PowerKw { get; set; }
    /// <summary>Asking rent in fen per m² per month.</summary>
    public long AskingRentFen { get; set; }
    public long Version { get; set; }
}

public enum UnitUse { Office, RnD, Industrial, Lab, Commercial, Residential }

/// <summary>A lease (租赁) of one or more units by an enterprise, for a date range (both days included).</summary>
public class Lease : Data.IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    public long AreaDm2 { get; set; }
    /// <summary>Rent in fen per m² per month.</summary>
    public long RentFen { get; set; }
    /// <summary>The space request whose accepted offer became this lease, if any.</summary>
    public int? RequestId { get; set; }
    public string Note { get; set; } = "";
    public List<LeaseUnit> Units { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A unit of a lease. The lease's dates are copied here so that the overlap check is one indexed query.</summary>
public class LeaseUnit
{
    public int LeaseId { get; set; }
    public int UnitId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
}

/// <summary>A park's outline on the zone map (the park itself is the platform's).</summary>
public class ParkBoundary : IGeoFeature
{
    public int ParkId { get; set; }
    public string? Geometry { get; set; }
    public double? MinLon { get; set; }
    public double? MinLat { get; set; }
    public double? MaxLon { get; set; }
    public double? MaxLat { get; set; }
}

/// <summary>Something drawn on the map: GeoJSON geometry and its bounding box, kept together by <see cref="Geo.Apply"/>.</summary>
public interface IGeoFeature
{
    string? Geometry { get; set; }
    double? MinLon { get; set; }
    double? MinLat { get; set; }
    double? MaxLon { get; set; }
    double? MaxLat { get; set; }
}

/// <summary>A utilization survey (摸底调查) campaign: a survey date and the buildings it covers.</summary>
public class SurveyCampaign : Data.IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly SurveyOn { get; set; }
    public CampaignStatus Status { get; set; }
    public List<SurveyCampaignBuilding> Buildings { get; set; } = [];
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public long Version { get; set; }
}

public enum CampaignStatus { InProgress, Completed }

public class SurveyCampaignBuilding
{
    public int CampaignId { get; set; }
    public int BuildingId { get; set; }
}

/// <summary>What a surveyor found in one unit. The leaseholder on the survey date is copied so that a later lease change does not rewrite history.</summary>
public class SurveyRecord
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public int BuildingId { get; set; }
    public UnitUsage Usage { get; set; }
    public int? LeaseholderId { get; set; }
    /// <summary>The enterprise actually using the unit, when it is in the registry.</summary>
    public int? ActualUserId { get; set; }
    /// <summary>Who actually uses it, as found (a name not in the registry).</summary>
    public string ActualUserName { get; set; } = "";
    /// <summary>Someone other than the leaseholder uses the unit: possible illegal subletting (非法转租).</summary>
    public bool Subletting { get; set; }
    public string Note { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
}

/// <summary>What a survey found a unit to be.</summary>
public enum UnitUsage { Occupied, Vacant, FitOut, IdleLeased }

/// <summary>A request for space (找空间) from an enterprise or for a lead, to be matched against vacant units.</summary>
public class SpaceRequest : Data.IVersioned
{
    public int Id { get; set; }
    public int? EnterpriseId { get; set; }
    /// <summary>A prospect not yet in the registry (招商线索).</summary>
    public string LeadName { get; set; } = "";
    public long MinAreaDm2 { get; set; }
    public long MaxAreaDm2 { get; set; }
    public UnitUse? Use { get; set; }
    public int? ParkId { get; set; }
    public int MinFloorLoadTenths { get; set; }
    public bool NeedsCleanRoom { get; set; }
    public bool NeedsExhaust { get; set; }
    public bool NeedsLabSinks { get; set; }
    public int MinPowerKw { get; set; }
    /// <summary>Highest rent in fen per m² per month; null: any.</summary>
    public long? BudgetFen { get; set; }
    public DateOnly MoveInOn { get; set; }
    public string Note { get; set; } = "";
    public RequestStatus Status { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public List<SpaceOffer> Offers { get; set; } = [];
    public long Version { get; set; }
}

public enum RequestStatus { Open, Offered, Leased, Closed }

/// <summary>A unit offered to a request, and what came of it.</summary>
public class SpaceOffer
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int UnitId { get; set; }
    public long RentFen { get; set; }
    public string Note { get; set; } = "";
    public OfferStatus Status { get; set; }
    public string SentByName { get; set; } = "";
    public DateTime SentUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public int? LeaseId { get; set; }
}

public enum OfferStatus { Sent, Accepted, Declined }
