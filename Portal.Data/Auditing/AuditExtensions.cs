using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;

namespace Portal.Data.Auditing;

public static class AuditExtensions
{
    /// <summary>Queues an audit entry; it is sealed into the chain by the same SaveChangesAsync that saves the change.</summary>
    public static void Audit(this PortalDbContext db, AuditEvent auditEvent, DateTimeOffset now)
    {
        // Until sealing assigns the real sequence, queued entries get distinct temporary keys -1, -2, ...
        // (the key is the sequence), which also record the order in which they were queued.
        var queued = db.ChangeTracker.Entries<AuditEntry>().Count(e => e.State == EntityState.Added && !e.Entity.IsSealed);
        var entry = new AuditEntry(auditEvent, now);
        db.Entry(entry).Property(a => a.Sequence).CurrentValue = -1 - queued;
        db.AuditEntries.Add(entry);
    }
}
