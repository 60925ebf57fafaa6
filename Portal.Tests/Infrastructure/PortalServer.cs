using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real Portal.Web, started as its own process on a free loopback port with its own fresh database
/// (SQLite file by default), exactly as `dotnet run` would run it. Used by browser tests.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    private PortalServer(Process process, TestDatabase database, bool ownsDatabase, Uri baseAddress)
    {
        _process = process;
        _database = database;
        _ownsDatabase = ownsDatabase;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public TestDatabase Database => _database;
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts a server on a new database, or on <paramref name="existing"/> (which the caller keeps owning).</summary>
    public static async Task<PortalServer> StartAsync(IDictionary<string, string>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, TestDatabase? existing = null)
    {
        var database = existing ?? await TestDatabase.CreateAsync(provider, migrate: false);
        provider = database.Provider;
        var port = FreePort();
        var webProject = Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(webProject);
        start.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Portal.Web.");
        var server = new PortalServer(process, database, existing is null, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>
    /// Keeps the server's console log under artifacts/server-logs, so a browser test that met an error page can be
    /// explained afterwards (the test script prints the errors in these logs when a test failed).
    /// </summary>
    private void SaveLog()
    {
        try
        {
            var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "server-logs");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"portal-{BaseAddress.Port}.log"), Log);
        }
        catch (IOException)
        {
            // A log that cannot be kept must not fail the test run.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Portal.Web exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Portal.Web did not become healthy in 90 s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        SaveLog();
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}
