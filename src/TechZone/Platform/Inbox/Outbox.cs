using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Background;

namespace TechZone.Platform.Inbox;

/// <summary>
/// Delivers outbox messages of one channel (an SMTP client, an SMS gateway ...). Register with
/// <c>services.AddScoped&lt;IOutboxSender, MySender&gt;()</c>; several senders of one channel are all called.
/// A message whose send failed is tried again later, so a sender should tolerate a repeat.
/// </summary>
public interface IOutboxSender
{
    OutboxChannel Channel { get; }

    /// <summary>Sends the message or throws; the exception's message is recorded on the row.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// Sends queued outbox messages through the registered senders. Safe to run on several instances at once: each
/// message is claimed with a conditional update before it is sent, so only one instance sends it.
/// </summary>
public sealed class OutboxDrainer(ZoneDb db, IEnumerable<IOutboxSender> senders, ILogger<OutboxDrainer> log)
{
    /// <summary>After this many failed attempts a message stays unsent, with its last error, for an admin to see.</summary>
    public const int MaxAttempts = 8;

    public const int MaxErrorLength = 2000;

    /// <summary>How long a claim lasts: a drainer that dies mid-send leaves the message to others after this.</summary>
    static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    readonly ILookup<OutboxChannel, IOutboxSender> byChannel = senders.ToLookup(s => s.Channel);

    /// <summary>
    /// Sends up to <paramref name="batchSize"/> due messages, oldest first, of the channels that have a sender.
    /// Each is marked sent, or gets its attempt count raised, its error recorded and a later retry time.
    /// </summary>
    public async Task<OutboxDrainResult> DrainAsync(int batchSize = 50, CancellationToken ct = default)
    {
        var channels = byChannel.Select(g => g.Key).ToList();
        if (channels.Count == 0 || batchSize <= 0) return new OutboxDrainResult(0, 0);

        var now = DateTime.UtcNow;
        var due = db.Set<OutboxMessage>().Where(m => m.SentUtc == null && m.Attempts < MaxAttempts
            && (m.NextAttemptUtc == null || m.NextAttemptUtc <= now) && channels.Contains(m.Channel));
        var candidates = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(ct);

        int sent = 0, failed = 0;
        foreach (var id in candidates)
        {
            // The claim: only the drainer whose update changes the row sends it.
            var claimedUntil = DateTime.UtcNow + Claim;
            var claimed = await due.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, claimedUntil), ct);
            if (claimed == 0) continue;

            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, ct);
            message.Attempts++;
            try
            {
                foreach (var sender in byChannel[message.Channel])
                    await sender.SendAsync(message, ct);
                message.SentUtc = DateTime.UtcNow;
                message.NextAttemptUtc = null;
                message.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(ex, "Outbox message {Id} ({Channel}) failed on attempt {Attempt}", message.Id, message.Channel, message.Attempts);
                var error = $"{ex.GetType().Name}: {ex.Message}";
                message.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
                // Back off: 1, 4, 9 ... minutes, so a gateway that is down is not hammered.
                message.NextAttemptUtc = DateTime.UtcNow + TimeSpan.FromMinutes(message.Attempts * message.Attempts);
                failed++;
            }
            // Saved per message: a crash later in the batch does not make sent messages go out twice.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return new OutboxDrainResult(sent, failed);
    }
}

/// <summary>
/// Drains the outbox every <c>Outbox:IntervalSeconds</c> (default 30; 0 turns it off). Does nothing when no
/// sender is registered, which is the case until a deployment adds one.
/// </summary>
sealed class OutboxWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<OutboxWorker> log) : PeriodicWork(scopes, log)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(config.GetValue("Outbox:IntervalSeconds", 30));
    protected override string What => "Draining the outbox";
    protected override bool Enabled(IServiceProvider services) => services.GetServices<IOutboxSender>().Any();

    protected override Task RoundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxDrainer>().DrainAsync(ct: ct);
}
