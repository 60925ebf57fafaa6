using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, which it may stop and start (the cluster from scripts/test.sh is shared by
/// every test). Found and run like scripts/test.sh does: the newest /usr/lib/postgresql/*/bin, and as the postgres
/// user when the tests run as root (initdb refuses root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    private PrivatePostgres(string bin, string folder, string? runAs, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }
    private string DataDirectory => Path.Combine(_folder, "data");
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); scripts/test.sh installs it as root.");
        string? runAs = null;
        if (Environment.UserName == "root")
            runAs = await RunAsync("id", ["-u", "postgres"], null, throwOnError: false) == 0 ? "postgres" : "portaltest";

        var folder = Path.Combine("/tmp", "portal-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        if (runAs is not null)
            await RunAsync("chown", [runAs, folder], null);
        var pg = new PrivatePostgres(bin, folder, runAs, FreePort());
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", pg.DataDirectory, "--auth=trust", "-U", "postgres", "--locale=C.UTF-8"], runAs, folder);
        await pg.StartAgainAsync();
        return pg;
    }

    /// <summary>Starts the (stopped) server and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"),
        ["-D", DataDirectory, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60",
         "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off", "start"], _runAs, _folder);

    /// <summary>Stops the server the way an operator or a crash would take it away from the app: connections are cut.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAs, _folder);

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"], _runAs, _folder, throwOnError: false);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task<int> RunAsync(string file, string[] args, string? runAs, string? workingDirectory = null, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "/tmp",
        };
        if (runAs is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAs);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl start leaves the server holding inherited pipes: read to the end only what the command itself wrote.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr} {await stdout}");
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
