using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Api;
using TechZone.Platform.Resources;

namespace TechZone.Enterprises;

/// <summary>A row of the registry list.</summary>
public sealed record EnterpriseSummary(int Id, string CreditCode, string Name, int? ParkId, string? ParkName);

/// <summary>One enterprise's profile as far as the registry knows it so far.</summary>
public sealed record EnterpriseDetail(int Id, string CreditCode, string Name, int? ParkId, string? ParkName, DateTime CreatedUtc);

/// <summary>Filters of the registry list; <see cref="Search"/> matches name or credit code.</summary>
public sealed record EnterpriseQuery
{
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Search { get; init; }

    public int? ParkId { get; init; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? PageSize { get; init; }
}
