using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reliability;

/// <summary>HTTP as a browser and an integration platform speak it to a real Portal process (PortalServer).</summary>
internal static class NodeClients
{
    public const string DemoIngestionKey = "portal-demo-ingest-key";

    /// <summary>Signs in through the real login form on <paramref name="server"/> and returns the sign-in cookie ("name=value").</summary>
    public static async Task<string> SignInCookieAsync(PortalServer server, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var response = await PortalWebFactory.PostLoginAsync(http, email, PortalWebFactory.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} on {server.BaseAddress} failed: {(int)response.StatusCode}");
        var auth = cookies.GetCookies(server.BaseAddress)["Portal.Auth"] ?? throw new InvalidOperationException("No Portal.Auth cookie after sign-in.");
        return $"{auth.Name}={auth.Value}";
    }

    /// <summary>A client that sends exactly this cookie, so the node it talks to has only the cookie to go by.</summary>
    public static HttpClient WithCookie(PortalServer server, string cookie)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    public static HttpClient Ingestion(PortalServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoIngestionKey);
        return http;
    }

    /// <summary>A batch of <paramref name="size"/> succeeded runs with ids "{batchId}-000" and up.</summary>
    public static StringContent RunBatch(string batchId, int size)
    {
        var finished = DateTimeOffset.UtcNow.AddMinutes(-1);
        var json = new StringBuilder("[");
        for (var i = 0; i < size; i++)
        {
            if (i > 0) json.Append(',');
            json.Append($$"""{"runId":"{{batchId}}-{{i:000}}","connection":"erp-ppm-actuals","startedAt":"{{finished.AddSeconds(-30 - i):O}}","finishedAt":"{{finished.AddSeconds(-i):O}}","status":"succeeded","recordsRead":10,"recordsWritten":10,"recordsFailed":0,"retries":0,"deadLettered":0}""");
        }
        return new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json");
    }
}
