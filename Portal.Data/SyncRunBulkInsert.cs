using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Core.Integration;

namespace Portal.Data;

/// <summary>
/// Writes a checked batch of sync runs in one transaction as fast as each provider allows: binary COPY on PostgreSQL, one
/// prepared INSERT re-executed per row on SQLite. EF's change tracker costs several times the insert itself at ingestion
/// rates (docs/benchmarks.md, ADR-020), and these rows are write-once, so nothing is lost by going around it. Column and
/// table names come from the EF model, so a renamed property cannot silently miss its column.
/// </summary>
public static class SyncRunBulkInsert
{
    private static readonly string[] Properties =
    [
        nameof(SyncRun.ConnectionId), nameof(SyncRun.RunId), nameof(SyncRun.StartedUtc), nameof(SyncRun.FinishedUtc), nameof(SyncRun.Status),
        nameof(SyncRun.RecordsRead), nameof(SyncRun.RecordsWritten), nameof(SyncRun.RecordsFailed), nameof(SyncRun.Retries),
        nameof(SyncRun.DeadLettered), nameof(SyncRun.ErrorCode), nameof(SyncRun.ErrorMessage), nameof(SyncRun.ReplayOf), nameof(SyncRun.ReceivedUtc),
    ];

    /// <summary>Inserts, folds the runs into their connections' run states (ADR-026) and commits; a unique-key violation (a concurrent sender stored one of these ids first) rolls everything back.</summary>
    public static async Task InsertAsync(PortalDbContext db, IReadOnlyList<SyncRun> runs, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SyncRun))!;
        var table = entity.GetTableName()!;
        var columns = Properties.Select(p => entity.FindProperty(p)!.GetColumnName()).ToArray();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, table, columns, runs, ct);
            else
                await InsertSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), tx.GetDbTransaction(), table, columns, runs, ct);
            await ConnectionRunStates.RecordAsync(db, runs, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>True for a unique-key violation raised by either provider outside EF's SaveChanges.</summary>
    public static bool IsUniqueKeyViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        DbUpdateException update => update.IsUniqueKeyViolation(),
        _ => false,
    };

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, IReadOnlyList<SyncRun> runs, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in runs)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.ConnectionId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.RunId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.StartedUtc, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.FinishedUtc, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.RecordsRead, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.RecordsWritten, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.RecordsFailed, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.Retries, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.DeadLettered, NpgsqlDbType.Bigint, ct);
            await WriteTextAsync(copy, r.ErrorCode, ct);
            await WriteTextAsync(copy, r.ErrorMessage, ct);
            await WriteTextAsync(copy, r.ReplayOf, ct);
            await copy.WriteAsync(r.ReceivedUtc, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
            await copy.WriteNullAsync(ct);
        else
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
    }

    private static async Task InsertSqliteAsync(SqliteConnection connection, DbTransaction tx, string table, string[] columns, IReadOnlyList<SyncRun> runs,
        CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)tx;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var p = columns.Select((_, i) => insert.CreateParameter()).ToArray();
        for (var i = 0; i < p.Length; i++)
        {
            p[i].ParameterName = "$p" + i;
            insert.Parameters.Add(p[i]);
        }
        foreach (var r in runs)
        {
            // The same representation PortalDbContext's SQLite conventions use: UTC ticks for times, the enum's number.
            p[0].Value = r.ConnectionId;
            p[1].Value = r.RunId;
            p[2].Value = r.StartedUtc.UtcTicks;
            p[3].Value = r.FinishedUtc.UtcTicks;
            p[4].Value = (int)r.Status;
            p[5].Value = r.RecordsRead;
            p[6].Value = r.RecordsWritten;
            p[7].Value = r.RecordsFailed;
            p[8].Value = r.Retries;
            p[9].Value = r.DeadLettered;
            p[10].Value = (object?)r.ErrorCode ?? DBNull.Value;
            p[11].Value = (object?)r.ErrorMessage ?? DBNull.Value;
            p[12].Value = (object?)r.ReplayOf ?? DBNull.Value;
            p[13].Value = r.ReceivedUtc.UtcTicks;
            if (ReferenceEquals(r, runs[0]))
                insert.Prepare();
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
