using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Common;
using Portal.Core.Security;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Admin.Users;

/// <summary>
/// Administrators create users, assign roles, lock, unlock and reset passwords. Each operation runs in its own
/// scope (a fresh UserManager and context), never on a circuit-long context, and is audited in the same transaction.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct))
            .ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var programCounts = await db.ProgramMembers.AsNoTracking().GroupBy(m => m.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.JobTitle,
                userRoles[u.Id].OrderBy(r => PortalRoles.All.ToList().IndexOf(r)).ToList(),
                u.LockoutEnd > now, u.LockoutEnd, u.LastSignInUtc, u.MustChangePassword, programCounts.GetValueOrDefault(u.Id)))
            .ToList();
    }

    public async Task<Result<TemporaryPassword>> CreateAsync(NewUserForm form, CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        var unknown = form.Roles.Where(r => !PortalRoles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
            return Result<TemporaryPassword>.Failure(nameof(NewUserForm.Roles), $"Unknown role: {unknown[0]}.");
        if (!form.Roles.Any())
            return Result<TemporaryPassword>.Failure(nameof(NewUserForm.Roles), "Choose at least one role.");

        var email = form.Email.Trim();
        var password = GeneratePassword();
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = form.DisplayName.Trim(),
            JobTitle = string.IsNullOrWhiteSpace(form.JobTitle) ? null : form.JobTitle.Trim(),
            CreatedUtc = clock.GetUtcNow(), MustChangePassword = true,
        };
        var result = await RunAsync(users => users.CreateAsync(user, password).Then(() => users.AddToRolesAsync(user, form.Roles)),
            () => Event(admin, user.Id, "UserCreated", newValues: $"{email}; roles {string.Join(", ", form.Roles)}"), ct);
        return result.Succeeded
            ? Result<TemporaryPassword>.Success(new TemporaryPassword(email, password))
            : Result<TemporaryPassword>.Failure(ToFieldErrors(result));
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        if (roles.Any(r => !PortalRoles.IsKnown(r)))
            return Result.Failure("Roles", "Unknown role.");
        if (userId == admin.Id && !roles.Contains(PortalRoles.Administrator))
            return Result.Failure("Roles", "You cannot remove your own Administrator role; ask another administrator.");

        string? old = null;
        var result = await WithUserAsync(userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            old = string.Join(", ", current);
            return await users.RemoveFromRolesAsync(user, current.Except(roles))
                .Then(() => users.AddToRolesAsync(user, roles.Except(current)))
                .Then(() => users.UpdateSecurityStampAsync(user)); // live sessions pick up the change at next revalidation
        }, () => Event(admin, userId, "RolesChanged", old, string.Join(", ", roles)), ct);
        return ToResult(result);
    }

    public async Task<Result> LockAsync(string userId, CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        if (userId == admin.Id)
            return Result.Failure("", "You cannot lock your own account.");
        var result = await WithUserAsync(userId, (users, user) =>
                users.SetLockoutEnabledAsync(user, true)
                    .Then(() => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue))
                    .Then(() => users.UpdateSecurityStampAsync(user)),
            () => Event(admin, userId, "UserLocked"), ct);
        return ToResult(result);
    }

    public async Task<Result> UnlockAsync(string userId, CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        var result = await WithUserAsync(userId, (users, user) =>
                users.SetLockoutEndDateAsync(user, null).Then(() => users.ResetAccessFailedCountAsync(user)),
            () => Event(admin, userId, "UserUnlocked"), ct);
        return ToResult(result);
    }

    public async Task<Result<TemporaryPassword>> ResetPasswordAsync(string userId, CurrentUser admin, CancellationToken ct = default)
    {
        Authorize(admin);
        var password = GeneratePassword();
        string email = "";
        var result = await WithUserAsync(userId, async (users, user) =>
        {
            email = user.Email ?? "";
            user.MustChangePassword = true;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, password); // also renews the security stamp
        }, () => Event(admin, userId, "PasswordReset"), ct);
        return result.Succeeded
            ? Result<TemporaryPassword>.Success(new TemporaryPassword(email, password))
            : Result<TemporaryPassword>.Failure(ToFieldErrors(result));
    }

    private async Task<IdentityResult> WithUserAsync(string userId, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> operation,
        Func<AuditEvent> audit, CancellationToken ct) =>
        await RunAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId);
            return user is null
                ? IdentityResult.Failed(new IdentityError { Code = "UserNotFound", Description = "That user no longer exists." })
                : await operation(users, user);
        }, audit, ct);

    private async Task<IdentityResult> RunAsync(Func<UserManager<PortalUser>, Task<IdentityResult>> operation, Func<AuditEvent> audit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await AuditedIdentity.RunAsync(scope.ServiceProvider, operation, audit, ct);
    }

    private static AuditEvent Event(CurrentUser admin, string userId, string action, string? oldValues = null, string? newValues = null) =>
        new(admin.Id, admin.DisplayName, "User", userId, action, OldValues: oldValues, NewValues: newValues);

    private static void Authorize(CurrentUser admin)
    {
        // Enforced here as well as on the page: a write without the role is a bug or an attack, not a user error.
        if (!admin.IsAdministrator)
            throw new UnauthorizedAccessException("User administration needs the Administrator role.");
    }

    /// <summary>A random 16-character temporary password from an unambiguous alphabet.</summary>
    internal static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789-", 16);

    private static Result ToResult(IdentityResult result) => result.Succeeded ? Result.Success() : Result.Failure(ToFieldErrors(result));

    private static IEnumerable<FieldError> ToFieldErrors(IdentityResult result) => result.Errors.Select(e => e.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => new FieldError(nameof(NewUserForm.Email), "A user with this email already exists."),
        "InvalidEmail" or "InvalidUserName" => new FieldError(nameof(NewUserForm.Email), e.Description),
        _ => new FieldError("", e.Description),
    }).DistinctBy(e => e.Message);
}
