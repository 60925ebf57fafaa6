using Microsoft.EntityFrameworkCore;
using Portal.Core.Operations;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Range filters and ordering on DateTimeOffset run in SQL on both providers. SQLite cannot compare
/// DateTimeOffset natively; the UTC-ticks converter makes it possible, and EF would throw rather than
/// evaluate these queries on the client, so a query that returns proves it ran in the database.
/// </summary>
public sealed class DateTimeOffsetQueryTests
{
    private static readonly DateTimeOffset From = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    [Theory, SqliteData, PostgresData]
    public async Task Runs_in_a_window_come_back_newest_first_with_the_lower_bound_in_and_the_upper_bound_out(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            // Inserted out of order, so ordering by id would give a different answer than ordering by time.
            context.JobRuns.AddRange(
                Run("in-noon", From.AddHours(12)),
                Run("before", From.AddTicks(-TimeSpan.TicksPerSecond)),
                Run("at-from", From),
                Run("at-to", To),
                Run("in-last-second", To.AddSeconds(-1)),
                Run("next-year", From.AddYears(1)),
                Run("in-morning", From.AddHours(6)));
            await context.SaveChangesAsync();
        }

        await using var query = db.CreateContext();
        var window = query.JobRuns.Where(r => r.StartedUtc >= From && r.StartedUtc < To).OrderByDescending(r => r.StartedUtc);
        var names = await window.Select(r => r.FireInstanceId).ToListAsync();

        Assert.Equal(["in-last-second", "in-noon", "in-morning", "at-from"], names);
        var sql = window.ToQueryString();
        Assert.Contains("WHERE", sql);
        Assert.Contains("ORDER BY", sql);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_latest_time_is_found_by_an_aggregate_in_the_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.JobRuns.AddRange(Run("a", From.AddMinutes(5)), Run("b", From.AddMinutes(50)), Run("c", From.AddMinutes(20)));
            await context.SaveChangesAsync();
        }

        await using var query = db.CreateContext();

        Assert.Equal(From.AddMinutes(50), await query.JobRuns.MaxAsync(r => r.StartedUtc));
        Assert.Equal(From.AddMinutes(5), await query.JobRuns.MinAsync(r => r.StartedUtc));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Programs_filter_and_sort_by_creation_time(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Programs.AddRange(
                new ProgramBuilder().Named("Second").CreatedAt(From.AddHours(2)).Build(),
                new ProgramBuilder().Named("Old").CreatedAt(From.AddDays(-30)).Build(),
                new ProgramBuilder().Named("First").CreatedAt(From.AddHours(1)).Build());
            await context.SaveChangesAsync();
        }

        await using var query = db.CreateContext();
        var names = await query.Programs.Where(p => p.CreatedUtc >= From).OrderBy(p => p.CreatedUtc).Select(p => p.Name).ToListAsync();

        Assert.Equal(["First", "Second"], names);
    }

    private static JobRun Run(string fireInstanceId, DateTimeOffset startedUtc) =>
        new("Portal", "Rollup", fireInstanceId, "node-a", startedUtc);
}
