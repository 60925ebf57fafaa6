using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Core.Security;
using Portal.Core.Training;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Training;

namespace Portal.Benchmarks;

/// <summary>
/// The server work of importing a 50,000-row LMS export (5,000 people x 10 courses) through <see cref="TrainingCsvService"/>:
/// the first import (every row new), a re-import of the same file (nothing changes), and the file check on its own.
/// Each import iteration runs once on a known state, so the figures are per import, not per row.
/// </summary>
[MemoryDiagnoser, WarmupCount(1), IterationCount(6), InvocationCount(1)]
public class TrainingImportBenchmarks
{
    public const int Courses = 10;

    private LargeStakeholderMap _data = default!;
    private TrainingCsvService _service = default!;
    private CurrentUser _user = default!;
    private byte[] _file = default!;
    private HashSet<string> _people = default!;
    private Dictionary<string, int> _courses = default!;

    [GlobalSetup]
    public void Setup()
    {
        _data = LargeStakeholderMap.CreateAsync().GetAwaiter().GetResult();
        _service = new TrainingCsvService(new PooledDbContextFactory<PortalDbContext>(PortalDatabase.Options(DatabaseProvider.Sqlite, _data.ConnectionString)), TimeProvider.System);
        _user = new CurrentUser(_data.UserId, "Bench", new HashSet<string> { PortalRoles.ChangeLead });
        using var db = _data.CreateContext();
        var groupId = db.StakeholderGroups.Select(g => g.Id).First();
        for (var c = 0; c < Courses; c++)
            db.TrainingCourses.Add(TrainingCourse.Create(_data.ProgramId, new TrainingCourseInput($"C-{c:00}", $"Course {c}", "", TrainingAudience.Group(groupId), true, true)).Value);
        db.SaveChangesAsync().GetAwaiter().GetResult();
        _courses = db.TrainingCourses.ToDictionary(c => c.Code, c => c.Id);
        _people = db.StakeholderPeople.Select(p => p.Email).ToHashSet();

        var csv = new StringBuilder(TrainingCsv.HeaderLine());
        var enrolled = new DateOnly(2025, 9, 1);
        var i = 0;
        foreach (var email in _people.Order(StringComparer.Ordinal))
            for (var c = 0; c < Courses; c++, i++)
                csv.Append(TrainingCsv.Line(email, $"C-{c:00}", enrolled, i % 4 == 0 ? null : enrolled.AddDays(i % 60), i % 4 == 0 ? null : 60 + i % 41));
        _file = Encoding.UTF8.GetBytes(csv.ToString());
        Console.WriteLine($"// LMS file: {i:N0} rows, {_file.Length / 1024.0 / 1024.0:0.0} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => _data.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(FirstImport))]
    public void Empty()
    {
        using var db = _data.CreateContext();
        db.TrainingRecords.ExecuteDeleteAsync().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(Reimport))]
    public void Imported()
    {
        using var db = _data.CreateContext();
        if (db.TrainingRecords.Count() == 0)
            Check(_service.ImportAsync(_data.ProgramId, _file, "lms.csv", _user).GetAwaiter().GetResult());
    }

    [Benchmark(Description = "Import 50,000 new rows (check + save)")]
    public async Task<TrainingImportOutcome> FirstImport() => Check(await _service.ImportAsync(_data.ProgramId, _file, "lms.csv", _user));

    [Benchmark(Description = "Re-import the same 50,000 rows (nothing changes)")]
    public async Task<TrainingImportOutcome> Reimport() => Check(await _service.ImportAsync(_data.ProgramId, _file, "lms.csv", _user));

    [Benchmark(Description = "Check the file only (parse + row rules)")]
    public TrainingCsvCheck CheckOnly() => TrainingCsv.Check(Encoding.UTF8.GetString(_file), _people, _courses, new DateOnly(2026, 11, 22));

    private static TrainingImportOutcome Check(TrainingImportOutcome outcome) => outcome.Succeeded
        ? outcome
        : throw new InvalidOperationException(string.Join("; ", outcome.Errors.Take(3).Select(e => e.ToString())) + string.Create(CultureInfo.InvariantCulture, $" ({outcome.Errors.Count})"));
}
