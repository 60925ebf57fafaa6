using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;

namespace Portal.Tests.Web;

/// <summary>
/// Secrets are shown once and never written anywhere readable: a personal API token and an ingestion key are used for
/// real (accepted and refused calls) with every log category at Debug, and neither secret appears in any log message, in
/// a later page or listing, or in the bytes of the database file. And every server-rendered form refuses a post without
/// its antiforgery token.
/// </summary>
public sealed class SecretHandlingTests(SecretHandlingTests.LoggingFactory factory) : IClassFixture<SecretHandlingTests.LoggingFactory>
{
    public sealed class LoggingFactory : PortalWebFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Debug");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingProvider(Lines)));
        }
    }

    [Fact]
    public async Task Tokens_and_ingestion_keys_are_never_logged_stored_in_clear_or_shown_again()
    {
        var it = await factory.SignedInClientAsync("it@portal.local");
        var atlas = await factory.ProgramIdAsync("Atlas");
        var connection = (await it.GetFromJsonAsync<JsonElement>($"/api/programs/{atlas}/connections"))[0].GetProperty("key").GetString()!;

        // Issue both kinds of secret.
        var pat = await CreatePersonalTokenAsync(it);
        var created = await it.PostAsJsonAsync($"/api/connections/{connection}/api-keys", new { scope = "connection", name = "secret-check" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ingestionKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;

        // Use them: accepted calls, and refused ones that carry a near-miss of each secret.
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        var wrongBearer = factory.CreateClient();
        wrongBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongBearer.GetAsync("/api/me")).StatusCode);
        var run = $$"""[{"runId":"secret-check-1","connection":"{{connection}}","startedAt":"2026-11-22T10:00:00+00:00","finishedAt":"2026-11-22T10:01:00+00:00","status":"succeeded","recordsRead":1,"recordsWritten":1,"recordsFailed":0,"retries":0,"deadLettered":0}]""";
        Assert.Equal(HttpStatusCode.OK, (await PostRunsAsync(ingestionKey, run)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostRunsAsync(ingestionKey[..^2] + "xx", run)).StatusCode);

        // Shown once: later pages and listings carry at most the display prefix.
        var profile = await it.GetStringAsync("/Account/Profile");
        var connectionPage = await it.GetStringAsync($"/integration/connections/{connection}");
        var listing = await it.GetStringAsync($"/api/programs/{atlas}/connections");
        var health = await it.GetStringAsync($"/api/connections/{connection}/health");
        foreach (var secret in new[] { pat, ingestionKey })
        {
            var tail = secret[^16..]; // the secret part past any display prefix
            Assert.DoesNotContain(tail, profile);
            Assert.DoesNotContain(tail, connectionPage);
            Assert.DoesNotContain(tail, listing);
            Assert.DoesNotContain(tail, health);
        }

        // Never logged, at any level that is switched on, including the refused near-misses.
        Assert.True(factory.Lines.Count > 50, $"only {factory.Lines.Count} log lines were captured; is Debug logging on?");
        var logged = string.Join('\n', factory.Lines);
        foreach (var secret in new[] { pat, ingestionKey })
        {
            Assert.DoesNotContain(secret[^16..], logged);
            Assert.DoesNotContain(secret[^16..^2], logged);
        }

        // Stored hashed: the bytes of the database (and its journal, if any) do not contain either secret.
        var dbFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        foreach (var file in new[] { dbFile, dbFile + "-wal", dbFile + "-journal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { pat, ingestionKey })
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret[^16..])));
        }
    }

    [Fact]
    public async Task Every_server_rendered_form_refuses_a_post_without_its_antiforgery_token()
    {
        _ = factory.Server;
        var forms = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is { } c && HasFormModel(c.Type))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.Contains("/Account/Login", forms);
        Assert.Contains("/Account/Profile", forms);

        var wrong = new List<string>();
        foreach (var path in forms)
        {
            var client = await factory.SignedInClientAsync("viewer@portal.local");
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
            var form = page.QuerySelector("form[method=post]");
            var fields = form?.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "") ?? [];
            var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            var refused = response.StatusCode == HttpStatusCode.BadRequest
                || response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location?.OriginalString == "/error/400";
            if (!refused)
                wrong.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Empty(wrong);
    }

    private static bool HasFormModel(Type component) =>
        component.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Any(p => p.GetCustomAttributes(typeof(SupplyParameterFromFormAttribute), inherit: true).Length > 0);

    private async Task<HttpResponseMessage> PostRunsAsync(string key, string body)
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, TelemetryApi.RunsPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string> CreatePersonalTokenAsync(HttpClient client)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Profile"));
        var form = page.QuerySelector("form.token-form") ?? throw new InvalidOperationException("No token form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Create.Name"] = "Secret check";
        fields["Create.LifetimeDays"] = "30";
        var created = new HtmlParser().ParseDocument(await (await client.PostAsync("/Account/Profile", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        return created.QuerySelector("[data-testid=new-token-secret]")?.GetAttribute("value") ?? throw new InvalidOperationException("No token shown.");
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, lines);
        public void Dispose() { }
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, not only the rendered message: a secret in a property is as leaked as one in text.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {formatter(state, exception)} {values} {exception}");
        }
    }
}
