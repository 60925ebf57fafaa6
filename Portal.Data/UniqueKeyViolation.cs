using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Data;

public static class UniqueKeyViolation
{
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE

    /// <summary>
    /// True when a save failed on a unique index, on either provider. Services check names before saving; this
    /// catches the race where two people save the same name at once, so it can become a field error too.
    /// </summary>
    public static bool IsUniqueKeyViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
