namespace Portal.Migrations.Sqlite;

/// <summary>The database itself refuses to change or remove audit rows (shared/PRODUCT.md rule 5).</summary>
internal static class AppendOnlyAuditSql
{
    public const string Create = """
        CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: audit entries cannot be changed.'); END;
        CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: audit entries cannot be deleted.'); END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "TR_AuditEntries_NoUpdate";
        DROP TRIGGER IF EXISTS "TR_AuditEntries_NoDelete";
        """;
}
