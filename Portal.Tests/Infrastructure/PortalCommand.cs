using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>Runs Portal.Web.dll as an operator would (e.g. `--migrate`) and captures its exit code and log.</summary>
public static class PortalCommand
{
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var webProject = Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(webProject);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
            start.Environment[key.Replace(":", "__")] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Portal.Web did not exit within 90 s: " + await stdout);
        }
        return new Outcome(process.ExitCode, await stdout + await stderr);
    }
}
