namespace Portal.Core.Operations;

/// <summary>The outcome of one firing of a background job, kept so the Jobs page can show the last outcome on any node.</summary>
public sealed class JobRun
{
    public const int MaxNameLength = 150;
    public const int MaxMessageLength = 2000;
    public const int MaxNodeLength = 100;

    private JobRun() { }

    public JobRun(string jobGroup, string jobName, string fireInstanceId, string node, DateTimeOffset startedUtc, DateTimeOffset? scheduledFireUtc = null)
    {
        ScheduledFireUtc = scheduledFireUtc?.ToUniversalTime();
        JobGroup = jobGroup;
        JobName = jobName;
        FireInstanceId = fireInstanceId;
        Node = node.Length <= MaxNodeLength ? node : node[..MaxNodeLength];
        StartedUtc = startedUtc.ToUniversalTime();
    }

    public long Id { get; private set; }
    public string JobGroup { get; private set; } = string.Empty;
    public string JobName { get; private set; } = string.Empty;
    public string FireInstanceId { get; private set; } = string.Empty;
    public string Node { get; private set; } = string.Empty;
    public DateTimeOffset StartedUtc { get; private set; }

    /// <summary>
    /// The time the trigger was due. With several nodes, one firing must give exactly one row; a firing started late
    /// (after a node died holding it) is still told apart from the next one by this.
    /// </summary>
    public DateTimeOffset? ScheduledFireUtc { get; private set; }
    public DateTimeOffset? FinishedUtc { get; private set; }
    public bool? Succeeded { get; private set; }
    public string? Message { get; private set; }

    public TimeSpan? Duration => FinishedUtc - StartedUtc;

    public void Finish(bool succeeded, string? message, DateTimeOffset finishedUtc)
    {
        Succeeded = succeeded;
        FinishedUtc = finishedUtc.ToUniversalTime();
        Message = message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
    }
}
