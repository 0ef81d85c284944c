using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises.Resources;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>
/// An enterprise's timeline across modules: every registered <see cref="IEnterpriseTimelineSource"/> (this module's
/// own, and those other modules add) asked in turn, merged newest first. The data scope is checked once, here.
/// </summary>
public sealed class EnterpriseTimelineService(ZoneDb db, CurrentUser current, IEnumerable<IEnterpriseTimelineSource> sources)
{
    /// <summary>The events, newest first; null when the caller may not see the enterprise.</summary>
    public async Task<IReadOnlyList<TimelineEvent>?> GetAsync(int enterpriseId, CancellationToken ct = default)
    {
        if (!await EnterpriseScope.VisibleAsync(db, current, enterpriseId, ct)) return null;
        var events = new List<TimelineEvent>();
        // One after another: sources share the scope's ZoneDb, which allows one operation at a time.
        foreach (var source in sources)
            events.AddRange(await source.EventsAsync(enterpriseId, ct));
        // Within a day, timed events after dated ones; otherwise a later-listed event counts as the later one.
        return events.Select((e, i) => (Event: e, Order: i))
            .OrderByDescending(x => x.Event.On).ThenByDescending(x => x.Event.AtUtc ?? DateTime.MinValue).ThenByDescending(x => x.Order)
            .Select(x => x.Event).ToList();
    }

    /// <summary>The signed-in enterprise user's own timeline.</summary>
    public Task<IReadOnlyList<TimelineEvent>?> GetMineAsync(CancellationToken ct = default) =>
        current.EnterpriseId is { } id ? GetAsync(id, ct) : Task.FromResult<IReadOnlyList<TimelineEvent>?>(null);
}

/// <summary>Event kinds this module contributes.</summary>
public static class TimelineKinds
{
    public const string Founded = "founded";
    public const string Status = "status";
    public const string Renamed = "renamed";
    public const string QualificationGranted = "qualification.granted";
    public const string QualificationExpired = "qualification.expired";
    public const string FactsVerified = "facts.verified";
}

/// <summary>
/// What the registry itself knows happened: founded, each lifecycle step (moved in, operating, moved out ...),
/// renames, qualifications granted and expired, facts verified.
/// </summary>
sealed class RegistryTimelineSource(ZoneDb db, ZoneTime time) : IEnterpriseTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct)
    {
        var e = await db.Enterprises.AsNoTracking().AsSplitQuery().Include(x => x.FormerNames).Include(x => x.StatusChanges)
            .SingleOrDefaultAsync(x => x.Id == enterpriseId, ct);
        if (e is null) return [];
        var chinese = Platform.Localization.ZoneCultures.IsChinese;
        var events = new List<TimelineEvent>();
        TimelineEvent Event(DateOnly on, string kind, string title, string? detail = null, DateTime? at = null) =>
            new(on, kind, title, detail, null, Modules.Enterprises, at);

        if (e.FoundedOn is { } founded) events.Add(Event(founded, TimelineKinds.Founded, EnterpriseStrings.Timeline_Founded));

        foreach (var c in e.StatusChanges.OrderBy(c => c.OnDate).ThenBy(c => c.Id))
        {
            var detail = string.Join(" · ", new[] { c.Note, c.ByUserName == "" ? "" : string.Format(EnterpriseStrings.History_By, c.ByUserName) }.Where(s => s != ""));
            events.Add(Event(c.OnDate, TimelineKinds.Status, EnterpriseLabels.StatusEvent(c.To), detail == "" ? null : detail));
        }

        // Each former name was used until a day; the name after it is the next former name, or the current one.
        var names = e.FormerNames.OrderBy(f => f.UntilOn).ThenBy(f => f.Id).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var next = i + 1 < names.Count ? names[i + 1].Name : e.Name;
            events.Add(Event(names[i].UntilOn, TimelineKinds.Renamed, string.Format(EnterpriseStrings.Timeline_Renamed, next),
                string.Format(EnterpriseStrings.Timeline_RenamedFrom, names[i].Name)));
        }

        var today = time.Today;
        var qualifications = await db.Set<EnterpriseQualification>().AsNoTracking().Include(q => q.Type)
            .Where(q => q.EnterpriseId == enterpriseId).OrderBy(q => q.IssuedOn).ThenBy(q => q.Id).ToListAsync(ct);
        foreach (var q in qualifications)
        {
            var name = q.Type?.DisplayName(chinese) ?? "";
            var detail = string.Join(" · ", new[]
            {
                q.CertificateNumber == "" ? "" : string.Format(EnterpriseStrings.Timeline_Certificate, q.CertificateNumber),
                q.ExpiresOn is { } until ? string.Format(EnterpriseStrings.Timeline_ValidUntil, EnterpriseLabels.Date(until)) : EnterpriseStrings.Qualification_NoExpiry,
            }.Where(s => s != ""));
            events.Add(Event(q.IssuedOn, TimelineKinds.QualificationGranted, string.Format(EnterpriseStrings.Timeline_QualificationGranted, name), detail));
            if (q.ExpiresOn is { } end && end < today)
                events.Add(Event(end, TimelineKinds.QualificationExpired, string.Format(EnterpriseStrings.Timeline_QualificationExpired, name)));
        }

        // Verifications of one year by one person on one day are one event.
        var verified = await db.Set<EnterpriseFact>().AsNoTracking()
            .Where(f => f.EnterpriseId == enterpriseId && f.Source == FactSource.Verified && f.VerifiedUtc != null)
            .Select(f => new { f.FiscalYear, f.VerifiedBy, f.VerifiedUtc }).ToListAsync(ct);
        foreach (var g in verified.GroupBy(f => (f.FiscalYear, f.VerifiedBy, Day: time.DateOf(f.VerifiedUtc!.Value))).OrderBy(g => g.Key.Day))
            events.Add(Event(g.Key.Day, TimelineKinds.FactsVerified, string.Format(EnterpriseStrings.Timeline_FactsVerified, g.Key.FiscalYear, g.Count()),
                string.IsNullOrEmpty(g.Key.VerifiedBy) ? null : string.Format(EnterpriseStrings.Timeline_VerifiedBy, g.Key.VerifiedBy),
                DateTime.SpecifyKind(g.Max(f => f.VerifiedUtc)!.Value, DateTimeKind.Utc)));
        return events;
    }
}
