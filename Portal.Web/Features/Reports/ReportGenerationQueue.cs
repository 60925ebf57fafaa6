using System.Collections.Concurrent;
using System.Threading.Channels;
using Portal.Core.Reports;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Reports;

public enum ReportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>Where a requested PDF is: programs drawn of the total, then the stored file's id (or why it failed).</summary>
public sealed record ReportJobStatus(Guid Id, string OwnerUserId, ReportScope Scope, int? ProgramId, ReportJobState State, int Done, int Total,
    long? FileId, string? FileName, long? SizeBytes, string? Error, DateTimeOffset RequestedUtc)
{
    public bool IsFinished => State is ReportJobState.Done or ReportJobState.Failed;
}

/// <summary>
/// PDFs asked for on a page are made here, off the circuit: a hosted service takes requests from a channel one at a time
/// (the machine's cores are shared with the site), reports progress per program and stores the file for its owner. Pages
/// poll <see cref="Status"/>, so a 40-program portfolio never blocks the UI. Statuses live in memory; the files do not.
/// </summary>
public sealed class ReportGenerationQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportGenerationQueue> logger) : BackgroundService
{
    private static readonly TimeSpan KeepStatus = TimeSpan.FromHours(2);
    private readonly Channel<(Guid Id, CurrentUser User)> _requests = Channel.CreateUnbounded<(Guid, CurrentUser)>();
    private readonly ConcurrentDictionary<Guid, ReportJobStatus> _jobs = new();

    public ReportJobStatus Enqueue(CurrentUser user, ReportScope scope, int? programId)
    {
        Forget();
        var status = new ReportJobStatus(Guid.NewGuid(), user.Id, scope, programId, ReportJobState.Queued, 0, scope == ReportScope.Program ? 1 : 0,
            null, null, null, null, clock.GetUtcNow());
        _jobs[status.Id] = status;
        _requests.Writer.TryWrite((status.Id, user));
        return status;
    }

    /// <summary>Only the requester sees a job; anyone else gets null.</summary>
    public ReportJobStatus? Status(Guid id, CurrentUser user) =>
        _jobs.TryGetValue(id, out var status) && status.OwnerUserId == user.Id ? status : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, user) in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            if (!_jobs.TryGetValue(id, out var job))
                continue;
            Update(id, s => s with { State = ReportJobState.Running });
            try
            {
                // Drawing is CPU work; a worker thread keeps it off the request and circuit threads.
                var (fileId, fileName, size) = await Task.Run(() => GenerateAsync(job, user, stoppingToken), stoppingToken);
                Update(id, s => s with { State = ReportJobState.Done, Done = s.Total, FileId = fileId, FileName = fileName, SizeBytes = size });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Generating a {Scope} report for {User} failed", job.Scope, user.Id);
                Update(id, s => s with { State = ReportJobState.Failed, Error = "The PDF could not be made. Try again; if it keeps failing, tell an administrator." });
            }
        }
    }

    private async Task<(long, string, long)> GenerateAsync(ReportJobStatus job, CurrentUser user, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var rendered = job.Scope == ReportScope.Program
            ? await reports.ProgramPdfAsync(job.ProgramId!.Value, user, ct) ?? throw new InvalidOperationException("The program is not visible to the requester.")
            : await reports.PortfolioPdfAsync(user, (done, total) => Update(job.Id, s => s with { Done = done, Total = total }), ct);
        var fileId = await reports.SaveAsync(rendered, user.Id, ct);
        return (fileId, rendered.FileName, rendered.Bytes.LongLength);
    }

    private void Update(Guid id, Func<ReportJobStatus, ReportJobStatus> change)
    {
        if (_jobs.TryGetValue(id, out var current))
            _jobs[id] = change(current);
    }

    private void Forget()
    {
        var cutoff = clock.GetUtcNow() - KeepStatus;
        foreach (var (id, status) in _jobs)
            if (status.RequestedUtc < cutoff)
                _jobs.TryRemove(id, out _);
    }
}
