using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Data.Identity;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Milestones;

/// <summary>
/// Re-checks a signer's password before any signature (criterion, milestone, later reviews). A wrong password counts
/// toward lockout like a failed login and is written to the audit trail against what was to be signed.
/// </summary>
public sealed class SignerVerification(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result> VerifyAsync(CurrentUser user, string? password, string entityType, string entityId, int programId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var account = await users.FindByIdAsync(user.Id);
        if (account is null || await users.IsLockedOutAsync(account))
            return Result.Failure("Password", "Your account is locked; signing is not possible until it is unlocked.");
        if (await users.CheckPasswordAsync(account, password ?? ""))
        {
            await users.ResetAccessFailedCountAsync(account);
            return Result.Success();
        }
        await users.AccessFailedAsync(account);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, entityType, entityId, "SignOffRefused", programId, Reason: "Wrong password"), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Failure("Password", "The password is not correct. Repeated failures lock your account.");
    }
}
