using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>
/// N generated enterprises for a scaled zone: names from the demo's word lists (with a third character, so that
/// names rarely repeat), valid credit codes of their own serial range, pinyin keys, parks, industries, sizes and a
/// dated status history; facts for five fiscal years and qualifications as the demo's generated enterprises have them
/// (<see cref="EnterpriseFactsDemoData.Generated"/>). Deterministic for a given N.
/// </summary>
sealed class EnterpriseScaleData : IScaleData
{
    public int Order => 10;

    const int Batch = 10_000;
    const long FirstSerial = 60_000_001;
    const int FactYears = 5;

    public async Task SeedAsync(ZoneDb db, ScaleContext context, CancellationToken ct)
    {
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(100_000);
        var nextId = await BulkWriter.NextIdAsync<Enterprise>(db, ct);
        var nextChange = await BulkWriter.NextIdAsync<EnterpriseStatusChange>(db, ct);
        var nextFact = await BulkWriter.NextIdAsync<EnterpriseFact>(db, ct);
        var nextQualification = await BulkWriter.NextIdAsync<EnterpriseQualification>(db, ct);
        var types = await db.Set<QualificationType>().AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var now = DateTime.UtcNow;
        // Their own sequence, so that the enterprises stay what they were before facts were generated.
        var factsRandom = new Random(100_001);
        for (var start = 0; start < context.Enterprises; start += Batch)
        {
            var batch = new List<Enterprise>(Batch);
            for (var i = start; i < Math.Min(start + Batch, context.Enterprises); i++)
            {
                var trade = EnterpriseDemoData.Trades[random.Next(EnterpriseDemoData.Trades.Length)];
                var word = EnterpriseDemoData.Brands[random.Next(EnterpriseDemoData.Brands.Length)] + EnterpriseDemoData.GivenNames[random.Next(EnterpriseDemoData.GivenNames.Length)];
                var founded = new DateOnly(1995, 1, 1).AddDays(random.Next(365 * 30));
                var capital = random.Next(10) == 0 ? (long?)null : (long)Math.Round(Math.Pow(10, 2 + random.NextDouble() * 4)) * 1_000_000;
                var roll = random.Next(100);
                var status = roll < 60 ? EnterpriseStatus.Operating : roll < 75 ? EnterpriseStatus.Registered : roll < 85 ? EnterpriseStatus.Expanding
                    : roll < 92 ? EnterpriseStatus.Prospect : roll < 97 ? EnterpriseStatus.MovedOut : EnterpriseStatus.Deregistered;
                var e = new Enterprise
                {
                    Name = $"天津{word}{trade.Trade}有限公司",
                    CreditCode = CreditCode.Make("120116", FirstSerial + i),
                    ParkId = random.Next(20) == 0 ? null : parks[random.Next(parks.Length)],
                    IndustryCode = trade.Industry,
                    FoundedOn = founded,
                    RegisteredCapitalFen = capital,
                    SizeClass = capital is null ? null : capital >= 100_000_000_000 ? SizeClass.Large : capital >= 10_000_000_000 ? SizeClass.Medium
                        : capital >= 500_000_000 ? SizeClass.Small : SizeClass.Micro,
                    LegalRepresentative = EnterpriseDemoData.Surnames[random.Next(20)] + EnterpriseDemoData.GivenNames[random.Next(20)],
                    Address = $"天津市滨海高新区{ZoneRoads.Names[random.Next(ZoneRoads.Names.Length)]}{random.Next(1, 300)}号",
                    CreatedUtc = DateTime.UtcNow,
                };
                EnterpriseDemoData.History(e, status, founded, today, random);
                e.RefreshSearchKey();
                batch.Add(e);
            }
            foreach (var e in batch)
            {
                e.Id = (int)nextId++;
                foreach (var change in e.StatusChanges)
                {
                    change.Id = (int)nextChange++;
                    change.EnterpriseId = e.Id;
                }
            }
            var facts = new List<EnterpriseFact>(Batch * 50);
            var qualifications = new List<EnterpriseQualification>(Batch / 2);
            foreach (var e in batch)
                EnterpriseFactsDemoData.Generated(e.Id, e.Status, e.SizeClass, e.IndustryCode, FactYears, types, factsRandom, now, today, facts, qualifications);
            foreach (var f in facts) f.Id = (int)nextFact++;
            foreach (var q in qualifications) q.Id = (int)nextQualification++;
            await BulkWriter.WriteAsync(db, batch, ct);
            await BulkWriter.WriteAsync(db, batch.SelectMany(e => e.StatusChanges), ct);
            await BulkWriter.WriteAsync(db, facts, ct);
            await BulkWriter.WriteAsync(db, qualifications, ct);
            context.Progress("enterprises", Math.Min(start + Batch, context.Enterprises));
        }
        await BulkWriter.ResetIdentityAsync<Enterprise>(db, ct);
        await BulkWriter.ResetIdentityAsync<EnterpriseStatusChange>(db, ct);
        await BulkWriter.ResetIdentityAsync<EnterpriseFact>(db, ct);
        await BulkWriter.ResetIdentityAsync<EnterpriseQualification>(db, ct);
    }
}
