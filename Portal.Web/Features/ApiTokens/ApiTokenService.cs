using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Auditing;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.ApiTokens;

public sealed record ApiTokenSummary(int Id, string Name, string DisplayPrefix, DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc,
    DateTimeOffset? LastUsedUtc, DateTimeOffset? RevokedUtc);

/// <summary>A user's own personal API tokens: create (secret returned once), list, revoke. Creation and revocation are audited.</summary>
public sealed class ApiTokenService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PersonalApiTokens.Where(t => t.UserId == user.Id)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.DisplayPrefix, t.CreatedUtc, t.ExpiresUtc, t.LastUsedUtc, t.RevokedUtc))
            .ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id).ToList();
    }

    public async Task<Result<IssuedApiToken>> CreateAsync(CurrentUser user, string? name, int lifetimeDays, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.PersonalApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedUtc == null && t.ExpiresUtc > now, ct);
        var result = PersonalApiToken.Create(user.Id, name, lifetimeDays, active, now);
        if (!result.Succeeded)
            return result;
        var token = result.Value.Token;
        // The audit entry names the token's id, known only after the insert: one transaction keeps both or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PersonalApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "PersonalApiToken", token.Id.ToString(), "ApiTokenCreated",
            NewValues: $"{token.Name} | {token.DisplayPrefix}… | expires {token.ExpiresUtc:yyyy-MM-dd}"), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>False when the token does not exist or belongs to someone else.</summary>
    public async Task<bool> RevokeAsync(CurrentUser user, int tokenId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PersonalApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id, ct) is not { } token)
            return false;
        if (token.IsRevoked)
            return true;
        token.Revoke(now);
        db.Audit(new AuditEvent(user.Id, user.DisplayName, "PersonalApiToken", token.Id.ToString(), "ApiTokenRevoked",
            OldValues: $"{token.Name} | {token.DisplayPrefix}…"), now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
