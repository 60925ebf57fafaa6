using System.Globalization;

namespace Portal.Core.Integration.Simulation;

/// <summary>A connection as the simulator drives it: its key, how often it runs and after how many failures it is Failing.</summary>
public sealed record SimulatedConnection(string Key, TimeSpan Interval, int FailureThreshold = 3);

/// <summary>How a simulated connection behaves at the end of a seeded history, so dashboards show every status.</summary>
public enum SimulatedEnding
{
    Healthy,
    /// <summary>Runs stop about one and a half intervals before the end: Late.</summary>
    Stale,
    /// <summary>The last runs fail, one more than the threshold: Failing with "n consecutive failed runs".</summary>
    FailureBurst,
}

public sealed record SimulatedHistory(IReadOnlyList<SyncRunReport> Runs, IReadOnlyList<ReconciliationExceptionReport> Exceptions);

/// <summary>
/// Realistic sync telemetry in the ingestion API's wire shape (ADR-023): runs on each connection's interval with jittered
/// durations and volumes, partial runs, failure bursts with retries and dead letters, replays of failed runs once the
/// connection recovers, stale gaps, and reconciliation exceptions. Deterministic for a seed, so tests and the demo data
/// get the same history every time. Used by the simulator tool (over HTTP) and by the demo seeding (straight to the database).
/// </summary>
public sealed class TelemetryGenerator(int seed)
{
    private static readonly (string Type, string Prefix)[] ObjectTypes =
        [("Purchase order", "PO"), ("Invoice", "INV"), ("Time entry", "TE"), ("Project", "PRJ"), ("Cost actual", "ACT")];
    private static readonly (string Code, string Message)[] Errors =
    [
        ("ERP-LOCK", "Record locked by a concurrent approval in the target system."),
        ("HTTP-503", "Target API unavailable (503) after retries."),
        ("AUTH-EXPIRED", "The integration user's token expired."),
        ("MAP-MISSING", "No mapping for cost center in the target system."),
    ];

    private readonly Random _random = new(seed);
    private long _sequence;

    /// <summary>About one reconciliation exception per this many runs in a history.</summary>
    public int RunsPerException { get; init; } = 50;

    /// <summary>One run finishing at <paramref name="finished"/>; a tenth of successful runs are partial (some records rejected).</summary>
    public SyncRunReport Run(SimulatedConnection connection, DateTimeOffset finished, bool failed, string? replayOf = null)
    {
        var duration = TimeSpan.FromSeconds(Math.Max(1, connection.Interval.TotalSeconds * (0.02 + _random.NextDouble() * 0.08)));
        var read = _random.Next(20, 5_000);
        var rejected = failed ? read : _random.Next(10) == 0 ? _random.Next(1, Math.Max(2, read / 50)) : 0;
        var (code, message) = failed ? Errors[_random.Next(Errors.Length)] : (null, null);
        return new SyncRunReport(
            RunId: $"{connection.Key}-{finished.UtcDateTime:yyyyMMddHHmmss}-{Interlocked.Increment(ref _sequence)}{(replayOf is null ? "" : "-replay")}",
            Connection: connection.Key,
            StartedAt: Wire(finished - duration),
            FinishedAt: Wire(finished),
            Status: failed ? "failed" : rejected > 0 ? "partial" : "succeeded",
            RecordsRead: read,
            RecordsWritten: read - rejected,
            RecordsFailed: rejected,
            Retries: failed ? _random.Next(1, 6) : _random.Next(4) == 0 ? 1 : 0,
            DeadLettered: failed ? _random.Next(1, 20) : rejected > 0 ? _random.Next(0, rejected + 1) : 0,
            ErrorCode: code,
            ErrorMessage: message,
            ReplayOf: replayOf);
    }

    public ReconciliationExceptionReport Exception(SimulatedConnection connection, DateTimeOffset detected)
    {
        var (type, prefix) = ObjectTypes[_random.Next(ObjectTypes.Length)];
        var source = Math.Round((decimal)(_random.NextDouble() * 50_000), 2);
        var delta = Math.Round((decimal)(_random.NextDouble() * 900 - 450), 2);
        return new ReconciliationExceptionReport(
            ExceptionId: $"rx-{connection.Key}-{detected.UtcDateTime:yyyyMMddHHmmss}-{Interlocked.Increment(ref _sequence)}",
            Connection: connection.Key,
            DetectedAt: Wire(detected),
            ObjectType: type,
            ObjectKey: $"{prefix}-{_random.Next(1000, 99999)}",
            SourceValue: source.ToString("0.00", CultureInfo.InvariantCulture),
            TargetValue: (source + delta).ToString("0.00", CultureInfo.InvariantCulture),
            AmountDelta: delta,
            Currency: "EUR");
    }

    /// <summary>
    /// A connection's history from <paramref name="from"/> to <paramref name="to"/>: a run every interval (give or take a
    /// tenth), an occasional failure burst shorter than the threshold followed by a replay of each failed run, about one
    /// reconciliation exception per fifty runs, and the chosen <paramref name="ending"/>.
    /// </summary>
    public SimulatedHistory History(SimulatedConnection connection, DateTimeOffset from, DateTimeOffset to, SimulatedEnding ending = SimulatedEnding.Healthy)
    {
        var runs = new List<SyncRunReport>();
        var exceptions = new List<ReconciliationExceptionReport>();
        var interval = connection.Interval;
        // The last success before the ending decides the status, so it is placed exactly rather than left to the jitter.
        var anchor = ending switch
        {
            SimulatedEnding.Stale => to - interval * 1.5,
            SimulatedEnding.FailureBurst => to - interval * (connection.FailureThreshold + 1.6),
            _ => to - interval * 0.3,
        };
        var pendingReplays = new List<string>();
        var burstLeft = 0;
        for (var at = from + interval; ; at += interval)
        {
            var finished = at + interval * ((_random.NextDouble() - 0.5) * 0.2);
            if (finished >= anchor - interval * 0.5)
                break;
            bool failed;
            if (burstLeft > 0)
            {
                failed = true;
                burstLeft--;
            }
            else if (_random.Next(60) == 0)
            {
                failed = true;
                burstLeft = _random.Next(0, Math.Max(1, connection.FailureThreshold - 1)); // a burst that recovers before Failing
            }
            else
                failed = false;
            Add(finished, failed);
        }
        Add(anchor, failed: false);
        if (ending == SimulatedEnding.FailureBurst)
            for (var at = anchor + interval; at <= to; at += interval)
                Add(at, failed: true);
        return new SimulatedHistory(runs, exceptions);

        void Add(DateTimeOffset finished, bool failed)
        {
            var run = Run(connection, finished, failed);
            runs.Add(run);
            if (failed)
                pendingReplays.Add(run.RunId!);
            else
            {
                // Replays go out once the connection is back, shortly after the first good run.
                foreach (var original in pendingReplays)
                    runs.Add(Run(connection, finished.AddSeconds(20), failed: false, replayOf: original));
                pendingReplays.Clear();
            }
            if (_random.Next(RunsPerException) == 0 && finished.AddMinutes(1) <= to)
                exceptions.Add(Exception(connection, finished.AddMinutes(1)));
        }
    }

    /// <summary>ISO 8601 with offset, whole milliseconds: what a platform would send.</summary>
    public static string Wire(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
