using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Web.Features.Account;

namespace Portal.Tests.Infrastructure;

/// <summary>Portal.Web in-process (TestServer) on its own SQLite file, with demo data unless told otherwise.</summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Portal-Demo-2026!";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-tests", "web-" + Guid.NewGuid().ToString("N"));

    public PortalWebFactory()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "portal.db")};Pooling=False";
    }

    public string ConnectionString { get; }
    public Dictionary<string, string?> Settings { get; } = new();

    public PortalDbContext CreateDbContext() => new(PortalDatabase.Options(DatabaseProvider.Sqlite, ConnectionString));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (antiforgery token included) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? tokenOverride = null)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The login form has no antiforgery token.");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = tokenOverride ?? token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoPassword)
    {
        var client = CreateBrowserLikeClient();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A seeded user as services see them, with their current roles from the database.</summary>
    public async Task<CurrentUser> DemoUserAsync(string email)
    {
        _ = Server; // the app, and its demo data, exist from here on
        await using var db = CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new CurrentUser(user.Id, user.DisplayName, roles.ToHashSet());
    }

    /// <summary>The id of a seeded program by the start of its name ("Atlas", "Harbor").</summary>
    public async Task<int> ProgramIdAsync(string namePrefix)
    {
        _ = Server;
        await using var db = CreateDbContext();
        return await db.Programs.Where(p => p.Name.StartsWith(namePrefix)).Select(p => p.Id).SingleAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
