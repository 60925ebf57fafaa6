using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

/// <summary>Adds the printed name and the must-change-password flag to the signed-in principal.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        return identity;
    }
}
