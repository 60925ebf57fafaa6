using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;

namespace Portal.Benchmarks;

/// <summary>
/// A SQLite database with one program of 5,000 people in 60 groups: every group assessed three times (90 days of
/// history), one person in five assessed on their own twice, seven process areas. Deterministic, so runs compare.
/// </summary>
public sealed class LargeStakeholderMap : IAsyncDisposable
{
    public const int Groups = 60;
    public const int People = 5_000;
    public static readonly string[] ProcessAreas = ["Commitments", "Invoices", "Purchase orders", "Actuals", "Time", "Integration", "Reporting"];

    private readonly string _folder;

    private LargeStakeholderMap(string folder, string connectionString, int programId)
    {
        _folder = folder;
        ConnectionString = connectionString;
        ProgramId = programId;
    }

    public string ConnectionString { get; }
    public int ProgramId { get; }
    public string UserId => "bench-change-lead";

    public PortalDbContext CreateContext() => new(PortalDatabase.Options(DatabaseProvider.Sqlite, ConnectionString));

    public static async Task<LargeStakeholderMap> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var random = new Random(4);

        await using var db = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.Sqlite, cs));
        await db.Database.MigrateAsync();
        db.Users.Add(new Portal.Data.Identity.PortalUser { Id = "bench-change-lead", UserName = "bench@example.com", Email = "bench@example.com", DisplayName = "Bench", CreatedUtc = now });
        var program = PortalProgram.Create("Benchmark program", "5,000 people in 60 groups", ["PPM", "ERP"], null, now).Value;
        program.SetMember("bench-change-lead", ProgramRole.ChangeLead, now);
        db.Programs.Add(program);
        await db.SaveChangesAsync();

        var groups = new List<StakeholderGroup>();
        for (var g = 0; g < Groups; g++)
        {
            var group = StakeholderGroup.Create(program.Id, $"Group {g + 1:00} {ProcessAreas[g % ProcessAreas.Length]}", "Generated for the benchmark").Value;
            for (var step = 0; step < 3; step++)
                group.Assess(RandomAssessment(random, now.AddDays(-90 + 30 * step)));
            groups.Add(group);
        }
        db.StakeholderGroups.AddRange(groups);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        for (var p = 0; p < People; p++)
        {
            var person = StakeholderPerson.Create(program.Id, groups[p % Groups].Id, $"Person {p:0000}", "Analyst", $"person{p:0000}@bench.example.com",
                ProcessAreas[random.Next(ProcessAreas.Length)]).Value;
            if (p % 5 == 0)
            {
                person.Assess(RandomAssessment(random, now.AddDays(-40)));
                person.Assess(RandomAssessment(random, now.AddDays(-10)));
            }
            db.StakeholderPeople.Add(person);
            if (p % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return new LargeStakeholderMap(folder, cs, program.Id);
    }

    private static Assessment RandomAssessment(Random random, DateTimeOffset at) =>
        Assessment.Create(new AssessmentInput(random.Next(1, 6), random.Next(1, 6), (SupportLevel)random.Next(1, 6), SupportLevel.Supportive,
            (ResistanceType)random.Next(1, 6), GainLossTags.Visibility, "", GainLossTags.Workload, "", random.Next(10) == 0, "Generated"),
            "bench-change-lead", "Bench", at).Value;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
