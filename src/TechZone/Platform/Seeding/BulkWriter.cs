using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TechZone.Data;

namespace TechZone.Platform.Seeding;

/// <summary>
/// Writes many rows of one entity type fast, bypassing the change tracker: PostgreSQL binary COPY, or one prepared
/// INSERT reused inside the caller's transaction on SQLite. Columns, names and value conversions (enums stored as
/// text ...) come from the EF model, so the rows land exactly as EF would have written them. Keys are written as
/// given: callers assign ids and call <see cref="ResetIdentityAsync"/> afterwards. Not audited row by row — the
/// caller writes one batch entry. For seeding and imports of thousands to millions of rows.
/// </summary>
public static class BulkWriter
{
    public static async Task<long> WriteAsync<T>(ZoneDb db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        // Computed columns (PostgreSQL's stored tsvector) are the database's to write.
        var columns = entity.GetProperties().Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null).ToList();
        var names = columns.Select(p => p.GetColumnName(store)!).ToList();
        var readers = columns.Select(Reader).ToArray();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);

        long count = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            var copy = $"COPY \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await npgsql.BeginBinaryImportAsync(copy, ct);
            // The import's timeout is the connection string's (30 s), not EF's: millions of rows need the caller's.
            if (db.Database.GetCommandTimeout() is { } seconds) importer.Timeout = TimeSpan.FromSeconds(seconds);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = readers[i](row);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, ct);
                }
                count++;
            }
            await importer.CompleteAsync(ct);
            return count;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        var parameters = names.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToList();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = readers[i](row) ?? DBNull.Value;
            // Synchronous: SQLite works in-process, and the async path only adds overhead per row.
            command.ExecuteNonQuery();
            if (count % 10_000 == 0) ct.ThrowIfCancellationRequested();
            count++;
        }
        return count;
    }

    /// <summary>After explicit ids, PostgreSQL's identity sequence must move past them (SQLite takes the max by itself).</summary>
    public static async Task ResetIdentityAsync<T>(ZoneDb db, CancellationToken ct = default) where T : class
    {
        if (!db.Database.IsNpgsql()) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        // Names come from the EF model, not from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), COALESCE((SELECT MAX(\"{key}\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
    }

    /// <summary>The next free id of the table, for callers that assign ids before writing.</summary>
    public static async Task<long> NextIdAsync<T>(ZoneDb db, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX(\"{key}\"), 0) + 1 FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>Reads a column's value from a row as the provider stores it (enums as text ...).</summary>
    static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        return row =>
        {
            var value = getter.GetClrValue(row);
            if (value is null) return null;
            if (converter is not null) value = converter.ConvertToProvider(value);
            // PostgreSQL takes only UTC instants for timestamptz; SQLite stores what it is given.
            if (value is DateTime { Kind: DateTimeKind.Unspecified } t) value = DateTime.SpecifyKind(t, DateTimeKind.Utc);
            return value;
        };
    }
}
