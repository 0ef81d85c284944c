using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Text;

namespace TechZone.Enterprises;

/// <summary>
/// What a search box's text finds in the registry — by name, former name, pinyin or the start of a credit code — as
/// one condition, shared by the registry list and the directory other modules search (the demand list's search box).
/// </summary>
static class EnterpriseMatch
{
    /// <param name="byIndex">
    /// Look a Chinese search up in the names' full-text index (made by the Enterprises_NameSearch migration) instead of
    /// testing every name: for the directory, whose searches (a demand's title words) mostly match no name, so the
    /// test read all 100,000 names (38–72 ms) where the index answers in well under a millisecond. The registry list
    /// keeps the walk of its name index: a search there mostly matches many names (天津…), which the walk finds in
    /// order while the index would hand over all of them to sort.
    /// </param>
    public static Expression<Func<Enterprise, bool>> Of(ZoneDb db, string text, bool byIndex = false)
    {
        var s = text.Trim();
        var matches = new List<Expression<Func<Enterprise, bool>>>();

        // Chinese characters only (天津华信) are looked for in the names themselves; anything else (ft, FeiTeng, IDC,
        // 360安全, 天津 华信) in the pinyin key, which keeps a name's Latin letters and digits, lower-cased, beside its
        // syllables and initials, so that case, spaces and punctuation do not matter. One substring test per name
        // instead of both: each costs 20–40 ms at 100,000 names (docs/perf.md). A Chinese search thus finds the
        // characters typed, not every name that sounds the same.
        // IndexOf rather than Contains: Npgsql writes Contains as LIKE '%…%', which PostgreSQL estimates so selective
        // that it scans and sorts the whole table (41–49 ms at 100,000 names); strpos, which IndexOf becomes, keeps
        // the walk of the (NameKey, Name) index in the list's order (23–28 ms). SQLite runs instr either way.
        var key = Pinyin.QueryKey(s);
        var chinese = s.All(c => Pinyin.Reading(c) is not null);
        if (chinese && byIndex)
        {
            // Each 汉字 is a token and the query one phrase, so this finds the characters as a substring test would.
            if (db.Database.IsNpgsql())
            {
                if (TextTokens.TsQuery(s) is { } tsQuery)
                    matches.Add(e => EF.Functions.ToTsVector("simple", e.NameTokens).Matches(EF.Functions.ToTsQuery("simple", tsQuery)));
            }
            else if (TextTokens.Fts5Query(s) is { } match)
                matches.Add(e => db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM enterprises_name_fts WHERE enterprises_name_fts MATCH {match}").Contains(e.Id));
        }
        else if (chinese || key == "") matches.Add(e => e.Name.IndexOf(s) >= 0);
        else matches.Add(e => e.NameKey.IndexOf(key) >= 0);

        // Former names as one IN list: the small table is read once, not probed per enterprise (a correlated EXISTS
        // tripled the cost of a search at 100,000 enterprises).
        var formerly = db.Set<EnterpriseFormerName>().Where(f => f.Name.Contains(s)).Select(f => f.EnterpriseId);
        matches.Add(e => formerly.Contains(e.Id));

        // The credit-code prefix as an IN list from its own index, so that the rest of the test reads only the
        // columns of the (NameKey, Name) index; asked only when the search could be the start of a code. The range
        // is what the index answers (PostgreSQL under a non-C collation and SQLite's case-blind LIKE use no index
        // for LIKE 'x%'; on PostgreSQL that scan of every code cost twice the rest of the search); StartsWith
        // keeps it exact.
        var code = s.ToUpperInvariant();
        if (code.Length <= CreditCode.Length && code.All(c => CreditCode.Alphabet.Contains(c)))
        {
            var codeEnd = code.PadRight(CreditCode.Length, 'Z');
            var byCode = db.Enterprises.Where(x => string.Compare(x.CreditCode, code) >= 0 && string.Compare(x.CreditCode, codeEnd) <= 0
                && x.CreditCode.StartsWith(code)).Select(x => x.Id);
            matches.Add(e => byCode.Contains(e.Id));
        }
        return Predicates.AnyOf(matches);
    }
}
