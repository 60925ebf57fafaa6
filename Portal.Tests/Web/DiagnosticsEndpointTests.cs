using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// The circuit-capacity benchmark's memory endpoint forces a full GC: it must not exist unless switched on, and even
/// then answer only loopback callers (ADR-028).
/// </summary>
public sealed class DiagnosticsEndpointTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Memory_endpoint_does_not_exist_by_default()
    {
        var response = await factory.CreateClient().GetAsync("/diagnostics/memory");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_switched_on_the_memory_endpoint_answers_loopback_callers_only()
    {
        await using var enabled = new PortalWebFactory();
        enabled.Settings["Diagnostics:MemoryEndpoint"] = "true";
        enabled.Settings["Portal:SeedDemoData"] = "false";

        var remote = await SendAsync(enabled, IPAddress.Parse("10.20.30.40"));
        var local = await SendAsync(enabled, IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status404NotFound, remote.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, local.Response.StatusCode);
        using var body = await JsonDocument.ParseAsync(local.Response.Body);
        Assert.True(body.RootElement.GetProperty("managedBytes").GetInt64() > 0);
        Assert.Equal(0, body.RootElement.GetProperty("openCircuits").GetInt32());
    }

    private static Task<HttpContext> SendAsync(PortalWebFactory app, IPAddress caller) =>
        app.Server.SendAsync(ctx =>
        {
            ctx.Request.Method = HttpMethods.Get;
            ctx.Request.Path = "/diagnostics/memory";
            ctx.Connection.RemoteIpAddress = caller;
        });
}
