using Portal.Core.Operations;

namespace Portal.Tests.Core.Operations;

public sealed class JobRunTests
{
    private static readonly DateTimeOffset Started = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static JobRun NewRun(string node = "node-a") => new("Portal", "AdoptionRollup", "fire-1", node, Started);

    [Fact]
    public void A_new_run_is_unfinished_and_has_no_duration()
    {
        var run = NewRun();

        Assert.Equal(("Portal", "AdoptionRollup", "fire-1", "node-a"), (run.JobGroup, run.JobName, run.FireInstanceId, run.Node));
        Assert.Equal(Started, run.StartedUtc);
        Assert.Null(run.FinishedUtc);
        Assert.Null(run.Succeeded);
        Assert.Null(run.Duration);
    }

    [Fact]
    public void Finish_records_outcome_message_and_duration()
    {
        var run = NewRun();

        run.Finish(succeeded: false, "Timed out", Started.AddSeconds(90));

        Assert.False(run.Succeeded);
        Assert.Equal("Timed out", run.Message);
        Assert.Equal(Started.AddSeconds(90), run.FinishedUtc);
        Assert.Equal(TimeSpan.FromSeconds(90), run.Duration);
    }

    [Fact]
    public void A_message_of_the_maximum_length_is_kept_whole()
    {
        var run = NewRun();
        var message = new string('m', JobRun.MaxMessageLength);

        run.Finish(true, message, Started.AddSeconds(1));

        Assert.Equal(message, run.Message);
    }

    [Fact]
    public void A_longer_message_is_truncated_to_the_maximum_so_it_always_fits_its_column()
    {
        var run = NewRun();
        var message = "start-" + new string('m', JobRun.MaxMessageLength);

        run.Finish(false, message, Started.AddSeconds(1));

        Assert.Equal(JobRun.MaxMessageLength, run.Message!.Length);
        Assert.Equal(message[..JobRun.MaxMessageLength], run.Message);
    }

    [Fact]
    public void A_run_may_finish_without_a_message()
    {
        var run = NewRun();

        run.Finish(true, null, Started.AddSeconds(1));

        Assert.True(run.Succeeded);
        Assert.Null(run.Message);
    }

    [Fact]
    public void A_too_long_node_name_is_truncated_to_the_maximum()
    {
        var run = NewRun(node: new string('n', JobRun.MaxNodeLength + 25));

        Assert.Equal(new string('n', JobRun.MaxNodeLength), run.Node);
    }
}
