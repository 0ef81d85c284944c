namespace TechZone.Enterprises;

/// <summary>A row of the registry list.</summary>
public sealed record EnterpriseSummary(int Id, string CreditCode, string Name, int? ParkId, string? ParkName);

/// <summary>One enterprise's profile as far as the registry knows it so far.</summary>
public sealed record EnterpriseDetail(int Id, string CreditCode, string Name, int? ParkId, string? ParkName, DateTime CreatedUtc);

/// <summary>Filters of the registry list; <c>search</c> matches name or credit code.</summary>
public sealed record EnterpriseQuery(string? Search = null, int? ParkId = null, int? Page = null, int? PageSize = null);
