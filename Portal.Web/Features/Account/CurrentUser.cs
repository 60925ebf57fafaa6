using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Web.Features.Account;

/// <summary>Who is acting, as services need it: id, printed name and roles. Built from the authenticated principal.</summary>
public sealed record CurrentUser(string Id, string DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsAdministrator => Roles.Contains(PortalRoles.Administrator);
    public bool IsInRole(string role) => Roles.Contains(role);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(id))
            return null;
        var name = principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity.Name ?? id;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(id, name, roles);
    }

    public static CurrentUser Require(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("This operation needs a signed-in user.");
}
