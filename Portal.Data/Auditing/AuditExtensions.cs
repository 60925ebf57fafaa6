using Portal.Core.Auditing;

namespace Portal.Data.Auditing;

public static class AuditExtensions
{
    /// <summary>Queues an audit entry; it is sealed into the chain by the same SaveChangesAsync that saves the change.</summary>
    public static void Audit(this PortalDbContext db, AuditEvent auditEvent, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry(auditEvent, now));
}
