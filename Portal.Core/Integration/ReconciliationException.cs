using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Integration;

/// <summary>One reconciliation exception as it arrives on the wire, before checking.</summary>
public sealed record ReconciliationExceptionReport(
    string? ExceptionId, string? Connection, string? DetectedAt, string? ObjectType, string? ObjectKey,
    string? SourceValue, string? TargetValue, decimal? AmountDelta, string? Currency);

/// <summary>
/// A record that disagrees between source and target after a sync (a purchase order whose amount differs, a time entry
/// missing in the ERP). Identified by connection and exception id like runs are; working the queue is issue 6 part B.
/// </summary>
public sealed partial class ReconciliationException
{
    public const int MaxObjectTypeLength = 60;
    public const int MaxObjectKeyLength = 200;
    public const int MaxValueLength = 500;
    /// <summary>Amounts up to a trillion with four decimals: any currency amount a program reconciles.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int AmountScale = 4;

    private ReconciliationException() { }

    public long Id { get; private set; }
    public int ConnectionId { get; private set; }
    public string ExceptionId { get; private set; } = string.Empty;
    public DateTimeOffset DetectedUtc { get; private set; }
    public string ObjectType { get; private set; } = string.Empty;
    public string ObjectKey { get; private set; } = string.Empty;
    public string SourceValue { get; private set; } = string.Empty;
    public string TargetValue { get; private set; } = string.Empty;
    public decimal? AmountDelta { get; private set; }
    public string? Currency { get; private set; }
    public DateTimeOffset ReceivedUtc { get; private set; }

    public static Result<ReconciliationException> Record(ReconciliationExceptionReport report, int connectionId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        TelemetryRules.Id(errors, "exceptionId", report.ExceptionId);
        TelemetryRules.ConnectionKey(errors, report.Connection);
        var detected = TelemetryRules.Timestamp(errors, "detectedAt", report.DetectedAt, now);
        Text(errors, "objectType", report.ObjectType, MaxObjectTypeLength, required: true);
        Text(errors, "objectKey", report.ObjectKey, MaxObjectKeyLength, required: true);
        Text(errors, "sourceValue", report.SourceValue, MaxValueLength, required: false);
        Text(errors, "targetValue", report.TargetValue, MaxValueLength, required: false);
        if (report.AmountDelta is { } amount && (Math.Abs(amount) > MaxAmount || decimal.Round(amount, AmountScale) != amount))
            errors.Add("amountDelta", $"amountDelta must be between -{MaxAmount:N0} and {MaxAmount:N0} with at most {AmountScale} decimals.");
        var currency = string.IsNullOrWhiteSpace(report.Currency) ? null : report.Currency;
        if (currency is not null && !CurrencyCode().IsMatch(currency))
            errors.Add("currency", $"currency '{TelemetryRules.Clip(currency)}' is not an ISO 4217 code (three capital letters, e.g. EUR).");
        else if (currency is not null && report.AmountDelta is null)
            errors.Add("currency", "currency belongs to amountDelta; send both or neither.");
        if (errors.Any)
            return Result<ReconciliationException>.Failure(errors.ToList());

        return Result<ReconciliationException>.Success(new ReconciliationException
        {
            ConnectionId = connectionId,
            ExceptionId = report.ExceptionId!,
            DetectedUtc = detected!.Value,
            ObjectType = report.ObjectType!.Trim(),
            ObjectKey = report.ObjectKey!.Trim(),
            SourceValue = report.SourceValue ?? string.Empty,
            TargetValue = report.TargetValue ?? string.Empty,
            AmountDelta = report.AmountDelta,
            Currency = currency,
            ReceivedUtc = now.ToUniversalTime(),
        });
    }

    public void AssignTo(int connectionId) => ConnectionId = connectionId;

    public bool SameContentAs(ReconciliationException other) =>
        ConnectionId == other.ConnectionId && ExceptionId == other.ExceptionId && DetectedUtc == other.DetectedUtc
        && ObjectType == other.ObjectType && ObjectKey == other.ObjectKey && SourceValue == other.SourceValue
        && TargetValue == other.TargetValue && AmountDelta == other.AmountDelta && Currency == other.Currency;

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            errors.Add(field, $"{field} is required.");
        else if (value is not null && value.Length > max)
            errors.Add(field, $"{field} must be at most {max} characters (it has {value.Length}).");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
