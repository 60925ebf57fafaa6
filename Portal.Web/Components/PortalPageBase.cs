using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Web.Features.Account;

namespace Portal.Web.Components;

/// <summary>Base for interactive app pages: the signed-in user, as services need it.</summary>
public abstract class PortalPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected async Task<CurrentUser> GetCurrentUserAsync() => CurrentUser.Require((await AuthenticationState).User);
}
