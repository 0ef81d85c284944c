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
    /// <summary>The condition the registry list walks its (NameKey, Name) index with, testing each name in order.</summary>
    public static Expression<Func<Enterprise, bool>> Of(ZoneDb db, string text)
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
        if (s.All(c => Pinyin.Reading(c) is not null) || key == "") matches.Add(e => e.Name.IndexOf(s) >= 0);
        else matches.Add(e => e.NameKey.IndexOf(key) >= 0);

        var formerly = FormerlyNamed(db, s);
        matches.Add(e => formerly.Contains(e.Id));
        if (ByCodePrefix(db, s) is { } byCode) matches.Add(e => byCode.Contains(e.Id));
        return Predicates.AnyOf(matches);
    }

    /// <summary>
    /// The same matches as the ids the indexes answer, one union: for the directory, whose searches (a demand's
    /// title words) mostly match no name. A Chinese search is looked up in the names' full-text index (made by the
    /// Enterprises_NameSearch migration) instead of testing all 100,000 names (38–72 ms), and the parts are a union
    /// rather than an OR, which would make the database test every row again. The registry list keeps the walk: its
    /// searches mostly match many names (天津…), which the walk finds in order while a union hands over all to sort.
    /// </summary>
    public static IQueryable<int> IdsOf(ZoneDb db, string text)
    {
        var s = text.Trim();
        var key = Pinyin.QueryKey(s);
        IQueryable<int> ids;
        if (s.All(c => Pinyin.Reading(c) is not null))
            // Each 汉字 is a token and the query one phrase, so this finds the characters as a substring test would.
            ids = db.Database.IsNpgsql()
                ? db.Enterprises.Where(e => EF.Functions.ToTsVector("simple", e.NameTokens).Matches(EF.Functions.ToTsQuery("simple", TextTokens.TsQuery(s)!))).Select(e => e.Id)
                : db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM enterprises_name_fts WHERE enterprises_name_fts MATCH {TextTokens.Fts5Query(s)}");
        else if (key == "") ids = db.Enterprises.Where(e => e.Name.IndexOf(s) >= 0).Select(e => e.Id);
        else ids = db.Enterprises.Where(e => e.NameKey.IndexOf(key) >= 0).Select(e => e.Id);

        ids = ids.Union(FormerlyNamed(db, s));
        return ByCodePrefix(db, s) is { } byCode ? ids.Union(byCode) : ids;
    }

    /// <summary>
    /// Former names as one IN list: the small table is read once, not probed per enterprise (a correlated EXISTS
    /// tripled the cost of a search at 100,000 enterprises).
    /// </summary>
    static IQueryable<int> FormerlyNamed(ZoneDb db, string s) =>
        db.Set<EnterpriseFormerName>().Where(f => f.Name.Contains(s)).Select(f => f.EnterpriseId);

    /// <summary>
    /// The credit-code prefix as an IN list from its own index, so that the rest of the test reads only the columns
    /// of the (NameKey, Name) index; null when the search cannot be the start of a code. The range is what the index
    /// answers (PostgreSQL under a non-C collation and SQLite's case-blind LIKE use no index for LIKE 'x%'; on
    /// PostgreSQL that scan of every code cost twice the rest of the search); StartsWith keeps it exact.
    /// </summary>
    static IQueryable<int>? ByCodePrefix(ZoneDb db, string s)
    {
        var code = s.ToUpperInvariant();
        if (code.Length > CreditCode.Length || !code.All(c => CreditCode.Alphabet.Contains(c))) return null;
        var codeEnd = code.PadRight(CreditCode.Length, 'Z');
        return db.Enterprises.Where(x => string.Compare(x.CreditCode, code) >= 0 && string.Compare(x.CreditCode, codeEnd) <= 0
            && x.CreditCode.StartsWith(code)).Select(x => x.Id);
    }
}
