using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Data.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// Walks every endpoint the app maps (so an endpoint added later is covered without anyone remembering to add a test):
/// anonymous calls to the API are 401, anonymous page requests go to the login page, program-scoped API calls by a
/// signed-in outsider are 404 (exactly like a missing program), and every program-scoped write by a member with the
/// viewer role is refused. A route parameter the sweep cannot fill fails the test, naming it, rather than being skipped.
/// </summary>
public sealed class EndpointSecuritySweepTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string OutsiderEmail = "outsider@example.com";

    /// <summary>Endpoints that are meant to be reachable without a session; each says why.</summary>
    private static readonly Dictionary<string, string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = "the sign-in form",
        ["/Account/AccessDenied"] = "explains a refusal",
        ["/not-found"] = "the 404 page",
        ["/Error"] = "the error page",
        ["/error/{code}"] = "status-code pages (404, 403) must render for anyone",
        ["/health"] = "load balancer probe",
        ["/health/live"] = "load balancer probe",
        ["/health/ready"] = "load balancer probe",
        ["/_framework/blazor.web.js"] = "the client script",
        ["/openapi/{documentName}.json"] = "the API description",
    };

    [Fact]
    public async Task Every_api_endpoint_refuses_an_anonymous_caller_with_401()
    {
        var targets = await TargetsAsync();
        var client = factory.CreateBrowserLikeClient();
        var api = Endpoints().Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(api.Count >= 15, $"the sweep found only {api.Count} API endpoints");

        var wrong = new List<string>();
        foreach (var e in api)
        {
            var response = await SendAsync(client, e, targets.Atlas);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                wrong.Add($"{e.Method} {e.Route}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_page_sends_an_anonymous_visitor_to_the_login_page()
    {
        var targets = await TargetsAsync();
        var client = factory.CreateBrowserLikeClient();
        var pages = Endpoints().Where(e => e.IsPage && !Anonymous.ContainsKey(e.Route)).ToList();
        Assert.True(pages.Count >= 25, $"the sweep found only {pages.Count} pages");

        var wrong = new List<string>();
        foreach (var page in pages)
        {
            var response = await SendAsync(client, page, targets.Atlas);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{page.Route}: {(int)response.StatusCode} {location}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Only_the_listed_endpoints_allow_anonymous_access()
    {
        var open = Endpoints().Where(e => e.AllowsAnonymous && !e.Route.StartsWith("/api/telemetry/", StringComparison.Ordinal))
            .Select(e => e.Route).Distinct().Where(r => !Anonymous.ContainsKey(r) && !IsStaticAsset(r)).ToList();

        // The telemetry endpoints are anonymous to cookies on purpose: they authenticate with the ingestion key (its own tests).
        Assert.Empty(open);
    }

    [Fact]
    public async Task Every_program_scoped_endpoint_answers_an_outsider_404_like_a_missing_program()
    {
        var targets = await TargetsAsync();
        var outsider = await factory.SignedInClientAsync(OutsiderEmail, OutsiderPassword);
        var scoped = Endpoints().Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal) && e.IsProgramScoped).ToList();
        Assert.True(scoped.Count >= 8, $"the sweep found only {scoped.Count} program-scoped API endpoints");

        var wrong = new List<string>();
        foreach (var e in scoped)
        {
            var response = await SendAsync(outsider, e, targets.Atlas);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound)
                wrong.Add($"{e.Method} {e.Route}: {(int)response.StatusCode}");
            else if (body.Contains("Atlas", StringComparison.OrdinalIgnoreCase) || body.Contains("po-commitments", StringComparison.OrdinalIgnoreCase) && !e.Route.Contains("{key}"))
                wrong.Add($"{e.Method} {e.Route}: the 404 reveals the program's data");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_program_page_answers_an_outsider_404()
    {
        var targets = await TargetsAsync();
        var outsider = await factory.SignedInClientAsync(OutsiderEmail, OutsiderPassword);
        var pages = Endpoints().Where(e => e.IsPage && e.IsProgramScoped).ToList();
        Assert.True(pages.Count >= 8, $"the sweep found only {pages.Count} program pages");

        var wrong = new List<string>();
        foreach (var page in pages)
        {
            var response = await SendAsync(outsider, page, targets.Atlas);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || html.Contains("Atlas", StringComparison.Ordinal))
                wrong.Add($"{page.Route}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_program_scoped_api_write_is_refused_to_a_viewer_member()
    {
        var targets = await TargetsAsync();
        var viewer = await factory.SignedInClientAsync("viewer@portal.local");
        var writes = Endpoints().Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal) && e.IsProgramScoped && e.Method != "GET").ToList();
        Assert.True(writes.Count >= 3, $"the sweep found only {writes.Count} program-scoped API writes");
        var before = await AuditCountAsync();

        var wrong = new List<string>();
        foreach (var e in writes)
        {
            var response = await SendAsync(viewer, e, targets.Atlas, ValidBody(e.Route));
            if (response.StatusCode != HttpStatusCode.Forbidden)
                wrong.Add($"{e.Method} {e.Route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Empty(wrong);
        Assert.Equal(before, await AuditCountAsync()); // nothing governed changed
    }

    // ---- the endpoint inventory ----

    private sealed record Endpoint(string Method, string Route, bool IsPage, bool AllowsAnonymous, RoutePattern Pattern)
    {
        public bool IsProgramScoped => Pattern.Parameters.Count > 0
            && (Route.Contains("/programs/{", StringComparison.Ordinal) || Route.Contains("/connections/{", StringComparison.Ordinal)
                || Route.Contains("/milestones/{", StringComparison.Ordinal));
    }

    private List<Endpoint> Endpoints()
    {
        _ = factory.Server;
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<Endpoint>();
        foreach (var route in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = route.RoutePattern.RawText ?? "";
            var text = "/" + pattern.TrimStart('/');
            var isPage = route.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var anonymous = route.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "HEAD" && m != "OPTIONS"))
            {
                // Blazor maps POST on every page for enhanced forms; the GET is the page.
                if (isPage && method != "GET")
                    continue;
                list.Add(new Endpoint(method, Simplify(route.RoutePattern), isPage, anonymous, route.RoutePattern));
            }
        }
        return list.DistinctBy(e => (e.Method, e.Route)).OrderBy(e => e.Route).ToList();
    }

    /// <summary>The route with constraints dropped, e.g. /api/programs/{id}/scorecard.</summary>
    private static string Simplify(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart l => l.Content,
        RoutePatternSeparatorPart sep => sep.Content,
        RoutePatternParameterPart param => "{" + param.Name + "}",
        _ => "",
    }))));

    private static bool IsStaticAsset(string route) =>
        route.Contains('.') && !route.EndsWith(".json", StringComparison.Ordinal) || route.StartsWith("/_content/", StringComparison.Ordinal)
        || route.StartsWith("/css/", StringComparison.Ordinal) || route.StartsWith("/js/", StringComparison.Ordinal)
        || route.StartsWith("/img/", StringComparison.Ordinal) || route.StartsWith("/fonts/", StringComparison.Ordinal);

    private sealed record Targets(ProgramTargets Atlas);

    private sealed record ProgramTargets(int ProgramId, int MilestoneId, string ConnectionKey, Dictionary<string, string> Others);

    private async Task<Targets> TargetsAsync()
    {
        await EnsureOutsiderAsync();
        var atlas = await factory.ProgramIdAsync("Atlas");
        await using var db = factory.CreateDbContext();
        var phases = db.Phases.Where(p => p.ProgramId == atlas).Select(p => p.Id);
        var milestone = await db.Milestones.Where(m => phases.Contains(m.PhaseId)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var connection = await db.Connections.Where(c => c.ProgramId == atlas).OrderBy(c => c.Id).Select(c => c.Key).FirstAsync();
        return new Targets(new ProgramTargets(atlas, milestone, connection, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["day"] = "30",
        }));
    }

    private const string OutsiderPassword = "Outsider-Pass-2026!";

    private async Task EnsureOutsiderAsync()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(OutsiderEmail) is not null)
            return;
        // A PMO lead by global role who belongs to no program: program scope must come from membership, not the role.
        var user = new PortalUser { UserName = OutsiderEmail, Email = OutsiderEmail, EmailConfirmed = true, DisplayName = "Olive Outsider", CreatedUtc = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, OutsiderPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.PmoLead)).Succeeded);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint e, ProgramTargets target, string body = "{}")
    {
        var path = Fill(e, target);
        var request = new HttpRequestMessage(new HttpMethod(e.Method), path);
        if (e.Method != "GET")
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static string Fill(Endpoint e, ProgramTargets target)
    {
        var path = e.Route;
        foreach (var parameter in e.Pattern.Parameters)
        {
            var token = "{" + parameter.Name + "}";
            var before = path[..path.IndexOf(token, StringComparison.Ordinal)].ToLowerInvariant();
            var value = before.EndsWith("/programs/", StringComparison.Ordinal) ? target.ProgramId.ToString()
                : before.EndsWith("/milestones/", StringComparison.Ordinal) ? target.MilestoneId.ToString()
                : before.EndsWith("/connections/", StringComparison.Ordinal) ? target.ConnectionKey
                : before.EndsWith("/reports/", StringComparison.Ordinal) ? "1" // stored report files: owner-only, tested in ScorecardPdfTests
                : target.Others.TryGetValue(parameter.Name, out var other) ? other
                : parameter.IsOptional || parameter.IsCatchAll ? ""
                : throw new Xunit.Sdk.XunitException($"The sweep does not know how to fill {token} in {e.Method} {e.Route}; add it to TargetsAsync.");
            path = path.Replace(token, value);
        }
        return path;
    }

    /// <summary>A body the endpoint would accept from someone allowed, so a refusal is about the role, not the input.</summary>
    private static string ValidBody(string route) => route switch
    {
        _ when route.EndsWith("/connections", StringComparison.Ordinal) =>
            """{"key":"sweep-conn","name":"Sweep","sourceSystem":"ERP","targetSystem":"PPM","dataDomain":"Costs","pattern":"batch","expectedIntervalMinutes":60,"freshnessSlaMinutes":120,"errorRateSlaPercent":5,"consecutiveFailureThreshold":3}""",
        _ when route.EndsWith("/api-keys", StringComparison.Ordinal) => """{"scope":"connection","name":"sweep"}""",
        _ when route.EndsWith("/complete", StringComparison.Ordinal) => """{"reason":"sweep"}""",
        _ => "{}",
    };

    private async Task<int> AuditCountAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }
}
