using System.Diagnostics;
using Portal.Core.Integration;
using Portal.Core.Integration.Simulation;

namespace Portal.Simulator;

/// <summary>Totals of a simulation, printed at the end and read by tests.</summary>
public sealed class TrafficTotals
{
    public int RunsSent;
    public int RunsAccepted;
    public int Failed;
    public int Replays;
    public int ExceptionsSent;
    public int Refused;
    public override string ToString() =>
        $"runs sent {RunsSent:N0}, accepted {RunsAccepted:N0} (failed {Failed:N0}, replays {Replays:N0}); exceptions {ExceptionsSent:N0}; refused batches {Refused}";
}

/// <summary>
/// Live traffic at a chosen rate: each second, <c>rate</c> runs spread over the connections in one batch. Each connection
/// lives through phases: normal runs, now and then a failure burst (long enough to turn it Failing, followed by replays of
/// the failed runs), or a stale period in which it sends nothing (Late); about one run in fifty brings a reconciliation
/// exception. Deterministic for a seed apart from the clock.
/// </summary>
public sealed class LiveTraffic(TelemetryClient client, IReadOnlyList<SimulatedConnection> connections, int seed, TimeProvider? clock = null)
{
    private sealed class State
    {
        public int BurstLeft;
        public DateTimeOffset StaleUntil;
        public readonly List<string> Failed = [];
    }

    private readonly TelemetryGenerator _generator = new(seed);
    private readonly Random _random = new(seed ^ 0x5eed);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, State> _states = connections.ToDictionary(c => c.Key, _ => new State());

    public TrafficTotals Totals { get; } = new();

    /// <summary>Chance per run that a healthy connection starts a failure burst or a stale period.</summary>
    public double BurstChance { get; init; } = 0.01;
    public double StaleChance { get; init; } = 0.005;

    public async Task RunAsync(double runsPerSecond, TimeSpan duration, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var tick = 0;
        var carry = 0.0;
        while (watch.Elapsed < duration && !ct.IsCancellationRequested)
        {
            carry += runsPerSecond;
            var count = (int)carry;
            carry -= count;
            if (count > 0)
                await SendAsync(NextBatch(Math.Min(count, 5000)), ct, withExceptions: true);
            tick++;
            var wait = TimeSpan.FromSeconds(tick) - watch.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>Sends one run (or failure) per connection now: what a test calls to make dashboards move in steps.</summary>
    public Task<BatchResult> SendRoundAsync(bool failed = false, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow();
        return SendAsync(connections.Select(c => Track(c, _generator.Run(c, now, failed))).ToList(), ct);
    }

    public Task<BatchResult> SendFailureBurstAsync(SimulatedConnection connection, CancellationToken ct = default)
    {
        var now = _clock.GetUtcNow();
        var runs = Enumerable.Range(0, connection.FailureThreshold)
            .Select(i => Track(connection, _generator.Run(connection, now.AddSeconds(i), failed: true))).ToList();
        return SendAsync(runs, ct);
    }

    public async Task<BatchResult> SendExceptionAsync(SimulatedConnection connection, CancellationToken ct = default)
    {
        var result = await client.PostExceptionsAsync([_generator.Exception(connection, _clock.GetUtcNow())], ct);
        Interlocked.Increment(ref Totals.ExceptionsSent);
        if (!result.Accepted)
            Interlocked.Increment(ref Totals.Refused);
        return result;
    }

    private List<SyncRunReport> NextBatch(int count)
    {
        var now = _clock.GetUtcNow();
        var batch = new List<SyncRunReport>(count);
        for (var i = 0; i < count; i++)
        {
            var connection = connections[(Totals.RunsSent + i) % connections.Count];
            var state = _states[connection.Key];
            if (state.StaleUntil > now)
                continue;
            var finished = now.AddMilliseconds(-count + i); // distinct, ordered finish times within the second
            if (state.BurstLeft == 0 && _random.NextDouble() < StaleChance)
            {
                state.StaleUntil = now + connection.Interval * 1.5;
                continue;
            }
            if (state.BurstLeft == 0 && _random.NextDouble() < BurstChance)
                state.BurstLeft = connection.FailureThreshold + _random.Next(0, 3);
            var failed = state.BurstLeft > 0;
            if (failed)
                state.BurstLeft--;
            batch.Add(Track(connection, _generator.Run(connection, finished, failed)));
            if (!failed && state.Failed.Count > 0)
            {
                batch.AddRange(state.Failed.Select(id => Track(connection, _generator.Run(connection, finished, failed: false, replayOf: id))));
                state.Failed.Clear();
            }
        }
        return batch;
    }

    private SyncRunReport Track(SimulatedConnection connection, SyncRunReport run)
    {
        if (run.Status == "failed")
            _states[connection.Key].Failed.Add(run.RunId!);
        return run;
    }

    private async Task<BatchResult> SendAsync(List<SyncRunReport> runs, CancellationToken ct, bool withExceptions = false)
    {
        if (runs.Count == 0)
            return new BatchResult(200, "{\"accepted\":0,\"duplicates\":0}");
        var result = await client.PostRunsAsync(runs, ct);
        Interlocked.Add(ref Totals.RunsSent, runs.Count);
        if (result.Accepted)
        {
            Interlocked.Add(ref Totals.RunsAccepted, runs.Count);
            Interlocked.Add(ref Totals.Failed, runs.Count(r => r.Status == "failed"));
            Interlocked.Add(ref Totals.Replays, runs.Count(r => r.ReplayOf is not null));
            // Live traffic reports about one exception per fifty runs; the step-by-step calls send exceptions only when asked.
            var exceptions = withExceptions ? Math.Min(5, runs.Count(_ => _random.Next(50) == 0)) : 0;
            for (var i = 0; i < exceptions; i++)
                await SendExceptionAsync(connections[_random.Next(connections.Count)], ct);
        }
        else
            Interlocked.Increment(ref Totals.Refused);
        return result;
    }
}
