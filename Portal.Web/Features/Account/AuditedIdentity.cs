using Microsoft.AspNetCore.Identity;
using Portal.Core.Auditing;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// Runs an Identity operation and its audit entry in one transaction on the scope's context (the one
/// UserManager uses), so an account change is never saved without its audit row, and a failure saves neither.
/// </summary>
public static class AuditedIdentity
{
    public static async Task<IdentityResult> RunAsync(
        IServiceProvider scope, Func<UserManager<PortalUser>, Task<IdentityResult>> operation, Func<AuditEvent> audit,
        CancellationToken ct = default)
    {
        var db = scope.GetRequiredService<PortalDbContext>();
        var users = scope.GetRequiredService<UserManager<PortalUser>>();
        var clock = scope.GetRequiredService<TimeProvider>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await operation(users);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }
        db.Audit(audit(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Chains Identity steps, stopping at the first failure.</summary>
    public static async Task<IdentityResult> Then(this Task<IdentityResult> first, Func<Task<IdentityResult>> next)
    {
        var result = await first;
        return result.Succeeded ? await next() : result;
    }
}
