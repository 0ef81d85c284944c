namespace TechZone.Platform.Api;

/// <summary>One page of a list and the total count of the whole list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Paging limits every list endpoint applies: page from 1, at most 200 rows a page.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 20;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
