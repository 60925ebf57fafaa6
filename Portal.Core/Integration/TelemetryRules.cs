using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Integration;

/// <summary>
/// Checks shared by telemetry records. Field names are the wire names (camelCase), because these errors go back to the
/// sender as `{ index, field, message }`.
/// </summary>
public static partial class TelemetryRules
{
    public const int MaxIdLength = 100;
    /// <summary>No sync run or exception predates this; an earlier time is a sender bug (an unset date, a unit mix-up).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Sender clocks drift a little; a time further ahead than this would make a connection look fresh for too long.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static void Id(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, $"{field} is required.");
        else if (value.Length > MaxIdLength)
            errors.Add(field, $"{field} must be at most {MaxIdLength} characters (it has {value.Length}).");
        else if (value.Trim().Length != value.Length)
            errors.Add(field, $"{field} must not start or end with spaces.");
    }

    public static void ConnectionKey(FieldErrors errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add("connection", "connection is required (the connection's key).");
        else if (!Connection.IsValidKey(value))
            errors.Add("connection", $"connection '{Clip(value)}' is not a connection key (lower-case letters, digits and hyphens).");
    }

    /// <summary>
    /// An ISO 8601 date and time with an explicit offset (Z or ±hh:mm), within <see cref="Earliest"/> and now plus
    /// <see cref="FutureTolerance"/>; kept to whole microseconds so it survives PostgreSQL unchanged.
    /// </summary>
    public static DateTimeOffset? Timestamp(FieldErrors errors, string field, string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required (ISO 8601 with offset, e.g. 2026-11-22T09:30:00Z).");
            return null;
        }
        if (!IsoWithOffset().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add(field, $"{field} '{Clip(value)}' is not an ISO 8601 date and time with an offset (e.g. 2026-11-22T09:30:00Z or 2026-11-22T10:30:00+01:00).");
            return null;
        }
        var utc = parsed.ToUniversalTime();
        if (utc < Earliest)
        {
            errors.Add(field, $"{field} {value} is before {Earliest:yyyy-MM-dd}.");
            return null;
        }
        if (utc > now + FutureTolerance)
        {
            errors.Add(field, $"{field} {value} is in the future (more than {FutureTolerance.TotalMinutes:0} minutes after the server's clock).");
            return null;
        }
        return utc.AddTicks(-(utc.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    public static long Count(FieldErrors errors, string field, long? value, long max)
    {
        if (value is not { } v)
            errors.Add(field, $"{field} is required (an integer from 0 to {max:N0}).");
        else if (v < 0)
            errors.Add(field, $"{field} must not be negative (it is {v}).");
        else if (v > max)
            errors.Add(field, $"{field} must be at most {max:N0} (it is {v:N0}).");
        else
            return v;
        return 0;
    }

    public static string? Optional(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length > maxLength)
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters (it has {value.Length}).");
            return null;
        }
        return value;
    }

    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
