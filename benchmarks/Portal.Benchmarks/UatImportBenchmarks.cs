using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Core.Programs;
using Portal.Core.Security;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Uat;

namespace Portal.Benchmarks;

/// <summary>
/// The server work of importing a 50,000-row execution-results file (2,000 scenarios, 5 cycles, 5 runs each) through
/// <see cref="UatImportService"/> on SQLite: into an empty cycle set (every row new), and the same file again (every row
/// unchanged, the idempotent path).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1), IterationCount(5), InvocationCount(1)]
public class UatImportBenchmarks
{
    public const int Scenarios = 2_000, Cycles = 5, RunsPerCycle = 5;

    private string _folder = default!;
    private string _connectionString = default!;
    private int _programId;
    private byte[] _file = default!;
    private UatImportService _service = default!;
    private CurrentUser _user = default!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "portal-bench-uat-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "bench.db"), Pooling = true }.ToString();
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        using (var db = Context())
        {
            db.Database.Migrate();
            var program = PortalProgram.Create("UAT benchmark", "50,000 results", ["PPM", "ERP"], null, now).Value;
            program.SetMember("bench-change-lead", ProgramRole.ChangeLead, now);
            db.Users.Add(new Portal.Data.Identity.PortalUser { Id = "bench-change-lead", UserName = "bench@example.com", Email = "bench@example.com", DisplayName = "Bench", CreatedUtc = now });
            db.Programs.Add(program);
            db.SaveChangesAsync().GetAwaiter().GetResult();
            _programId = program.Id;
            var keys = new HashSet<string>();
            string[] areas = ["Commitments", "Invoices", "Time", "Projects"];
            for (var s = 0; s < Scenarios; s++)
                db.UatScenarios.Add(UatScenario.Create(_programId, new UatScenarioDraft($"SC-{s:0000}", $"Scenario {s}", areas[s % 4],
                    (UatCriticality)(s % 3 + 1), null), keys).Value);
            for (var c = 0; c < Cycles; c++)
                db.UatCycles.Add(UatCycle.Create(_programId, new UatCycleDraft($"Cycle {c + 1}", null, null, UatCycleStatus.Closed), []).Value);
            db.SaveChangesAsync().GetAwaiter().GetResult();
        }
        var csv = new StringBuilder(UatCsv.HeaderLine());
        string[] statuses = ["Pass", "Pass", "Pass", "Fail", "Blocked", "Not run"];
        for (var c = 0; c < Cycles; c++)
            for (var s = 0; s < Scenarios; s++)
                for (var r = 0; r < RunsPerCycle; r++)
                    csv.Append($"SC-{s:0000},Cycle {c + 1},{statuses[(s + r + c) % statuses.Length]},Tester {s % 40},2026-{c + 6:00}-{r + 1:00}T{s % 24:00}:{s % 60:00}:00Z,,{(r % 3 == 1 ? $"DEF-{s}" : "")}\r\n");
        _file = Encoding.UTF8.GetBytes(csv.ToString());
        _service = new UatImportService(new PooledDbContextFactory<PortalDbContext>(PortalDatabase.Options(DatabaseProvider.Sqlite, _connectionString)), TimeProvider.System);
        _user = new CurrentUser("bench-change-lead", "Bench", new HashSet<string> { PortalRoles.ChangeLead });
        Console.WriteLine($"// File: {Scenarios * Cycles * RunsPerCycle:N0} rows, {_file.Length / 1024.0 / 1024.0:0.0} MB");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(ImportNew))]
    public void Empty()
    {
        using var db = Context();
        db.UatExecutions.Where(e => e.ProgramId == _programId).ExecuteDelete();
    }

    [IterationSetup(Target = nameof(ReImport))]
    public void Filled()
    {
        using var db = Context();
        if (!db.UatExecutions.Any(e => e.ProgramId == _programId))
            Check(_service.ImportAsync(_programId, _file, "bench.csv", _user).GetAwaiter().GetResult());
    }

    [Benchmark(Description = "Import 50,000 new results")]
    public async Task<UatImportOutcome> ImportNew() => Check(await _service.ImportAsync(_programId, _file, "bench.csv", _user));

    [Benchmark(Description = "Re-import the same 50,000 (unchanged)")]
    public async Task<UatImportOutcome> ReImport() => Check(await _service.ImportAsync(_programId, _file, "bench.csv", _user));

    private static UatImportOutcome Check(UatImportOutcome outcome) =>
        outcome.Succeeded ? outcome : throw new InvalidOperationException(outcome.Errors[0].ToString());

    private PortalDbContext Context() => new(PortalDatabase.Options(DatabaseProvider.Sqlite, _connectionString));
}
