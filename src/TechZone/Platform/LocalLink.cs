namespace TechZone.Platform;

/// <summary>
/// Links that TechZone redirects to or stores for later clicks must stay inside it: a path starting with one "/" (not "//host" or "/\host",
/// which browsers treat as another site).
/// </summary>
public static class LocalLink
{
    public static bool IsLocal(string? link) =>
        !string.IsNullOrEmpty(link) && link[0] == '/' && !link.StartsWith("//", StringComparison.Ordinal)
        && !link.StartsWith("/\\", StringComparison.Ordinal) && !link.Any(char.IsControl);

    public static void Require(string? link)
    {
        if (!IsLocal(link)) throw new DomainException("LinkNotLocal", link ?? "");
    }
}
