namespace Portal.Migrations.Postgres;

/// <summary>The database itself refuses to change or remove audit rows (shared/PRODUCT.md rule 5).</summary>
internal static class AppendOnlyAuditSql
{
    public const string Create = """
        CREATE FUNCTION portal_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit trail is append-only: audit entries cannot be changed or deleted.';
        END $$;
        CREATE TRIGGER "TR_AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION portal_audit_append_only();
        CREATE TRIGGER "TR_AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION portal_audit_append_only();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "TR_AuditEntries_NoTruncate" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "TR_AuditEntries_AppendOnly" ON "AuditEntries";
        DROP FUNCTION IF EXISTS portal_audit_append_only();
        """;
}
