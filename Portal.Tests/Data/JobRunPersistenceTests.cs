using Microsoft.EntityFrameworkCore;
using Portal.Core.Operations;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class JobRunPersistenceTests
{
    private static readonly DateTimeOffset Started = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task A_finished_run_round_trips_with_outcome_and_duration(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var run = new JobRun("Portal", "AdoptionRollup", "fire-1", "node-a", Started, scheduledFireUtc: Started.AddSeconds(-2));
        run.Finish(false, new string('m', JobRun.MaxMessageLength + 10), Started.AddSeconds(75));
        await using (var context = db.CreateContext())
        {
            context.JobRuns.Add(run);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.JobRuns.SingleAsync(r => r.FireInstanceId == "fire-1");

        Assert.True(loaded.Id > 0);
        Assert.Equal(("Portal", "AdoptionRollup", "node-a"), (loaded.JobGroup, loaded.JobName, loaded.Node));
        Assert.Equal((Started, Started.AddSeconds(75)), (loaded.StartedUtc, loaded.FinishedUtc!.Value));
        Assert.False(loaded.Succeeded);
        Assert.Equal(new string('m', JobRun.MaxMessageLength), loaded.Message);
        Assert.Equal(TimeSpan.FromSeconds(75), loaded.Duration);
        Assert.Equal(Started.AddSeconds(-2), loaded.ScheduledFireUtc);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unfinished_run_round_trips_with_no_outcome(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.JobRuns.Add(new JobRun("Portal", "AdoptionRollup", "fire-open", "node-a", Started));
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.JobRuns.SingleAsync(r => r.FireInstanceId == "fire-open");

        Assert.Null(loaded.FinishedUtc);
        Assert.Null(loaded.Succeeded);
        Assert.Null(loaded.Message);
        Assert.Null(loaded.Duration);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_same_firing_cannot_be_recorded_twice_even_from_another_node(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var first = db.CreateContext())
        {
            first.JobRuns.Add(new JobRun("Portal", "AdoptionRollup", "fire-dup", "node-a", Started));
            await first.SaveChangesAsync();
        }

        await using (var second = db.CreateContext())
        {
            second.JobRuns.Add(new JobRun("Portal", "AdoptionRollup", "fire-dup", "node-b", Started.AddSeconds(1)));
            await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        }

        await using var read = db.CreateContext();
        var only = await read.JobRuns.SingleAsync(r => r.FireInstanceId == "fire-dup");
        Assert.Equal("node-a", only.Node);
    }
}
