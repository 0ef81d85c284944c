using TechZone.Data;

namespace TechZone.Platform.Seeding;

/// <summary>
/// A module's part of the demo zone, run in <see cref="Order"/> on an empty database outside Production.
/// <see cref="Accounts"/> lists the demo sign-ins it creates, printed at every start outside Production.
/// </summary>
public interface IDemoData
{
    int Order { get; }
    IReadOnlyList<DemoAccount> Accounts { get; }
    Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct);
}

public sealed record DemoAccount(string UserName, string Role, string Description);
