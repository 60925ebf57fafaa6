using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// Makes SQLite itself wait for a lock held by another connection instead of failing at once. Microsoft.Data.Sqlite retries
/// a busy statement only while stepping it; a busy error that surfaces when a statement is reset (an INSERT ... RETURNING,
/// as EF Core writes rows, finishing while a job or another request holds the write lock) escaped as "database is locked".
/// SQLite's own busy handler covers every lock it takes, so it is set on each connection as it opens.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>30 s: as long as Microsoft.Data.Sqlite's own default command timeout.</summary>
    private const string BusyTimeout = "PRAGMA busy_timeout = 30000;";

    public static readonly SqliteBusyTimeout Instance = new(BusyTimeout);

    /// <summary>
    /// Write-ahead log with synchronous=NORMAL (ADR-026): a commit is a write to the log, synced at checkpoints. What was
    /// committed survives the process dying; an operating-system crash or power loss can lose the last commits. WAL mode is
    /// stored in the file, so it stays on once set.
    /// </summary>
    public static readonly SqliteBusyTimeout WithWriteAheadLog = new(BusyTimeout + " PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

    private readonly string Pragma;

    private SqliteBusyTimeout(string pragma) => Pragma = pragma;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
