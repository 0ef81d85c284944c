namespace TechZone.Platform.Api;

/// <summary>
/// One page of a list and the total count of the whole list. A list that may run into millions of rows counts only
/// up to a cap: then <paramref name="TotalCapped"/> is true and the list has more than <paramref name="Total"/> rows.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalCapped = false);

/// <summary>Paging limits every list endpoint applies: page from 1, at most 200 rows a page.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 20;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
