using System.Text.Json;
using Portal.Core.Integration;

namespace Portal.Web.Features.Integration;

/// <summary>One refused item of a telemetry batch, as the 400 problem lists it.</summary>
public sealed record ItemError(int Index, string Field, string Message);

/// <summary>A batch read from JSON: one report per item (null where the item was not an object) and every type error found.</summary>
public sealed record TelemetryBatch<T>(IReadOnlyList<T?> Items, IReadOnlyList<ItemError> Errors) where T : class;

/// <summary>
/// Reads telemetry batches from a parsed JSON document field by field rather than by deserializing, so a wrong type in
/// item 17 and another in item 912 are both reported (a serializer stops at the first) and each names its index and field.
/// Unknown fields are refused too: a misspelt optional field would otherwise vanish without a word.
/// </summary>
public static class TelemetryJson
{
    public const int MaxItems = 5000;

    private static readonly HashSet<string> RunFields = ["runId", "connection", "startedAt", "finishedAt", "status", "recordsRead",
        "recordsWritten", "recordsFailed", "retries", "deadLettered", "errorCode", "errorMessage", "replayOf"];
    private static readonly HashSet<string> ExceptionFields = ["exceptionId", "connection", "detectedAt", "objectType", "objectKey",
        "sourceValue", "targetValue", "amountDelta", "currency"];

    public static TelemetryBatch<SyncRunReport> ReadRuns(JsonElement root) => Read(root, RunFields, item => new SyncRunReport(
        item.String("runId"), item.String("connection"), item.String("startedAt"), item.String("finishedAt"), item.String("status"),
        item.Integer("recordsRead"), item.Integer("recordsWritten"), item.Integer("recordsFailed"), item.Integer("retries"),
        item.Integer("deadLettered"), item.String("errorCode"), item.String("errorMessage"), item.String("replayOf")));

    public static TelemetryBatch<ReconciliationExceptionReport> ReadExceptions(JsonElement root) => Read(root, ExceptionFields,
        item => new ReconciliationExceptionReport(item.String("exceptionId"), item.String("connection"), item.String("detectedAt"),
            item.String("objectType"), item.String("objectKey"), item.String("sourceValue"), item.String("targetValue"),
            item.Decimal("amountDelta"), item.String("currency")));

    /// <summary>The root must be an array of at most <see cref="MaxItems"/>; a null result means the caller answers with <paramref name="problem"/>.</summary>
    public static bool CheckRoot(JsonElement root, string what, out string problem)
    {
        problem = "";
        if (root.ValueKind != JsonValueKind.Array)
            problem = $"The body must be a JSON array of {what}, not {Describe(root.ValueKind)}.";
        else if (root.GetArrayLength() > MaxItems)
            problem = $"A batch holds at most {MaxItems:N0} {what}; this one has {root.GetArrayLength():N0}. Split it; nothing was stored.";
        return problem.Length == 0;
    }

    private static TelemetryBatch<T> Read<T>(JsonElement root, HashSet<string> known, Func<ItemReader, T> read) where T : class
    {
        var items = new List<T?>(root.GetArrayLength());
        var errors = new List<ItemError>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ItemError(index, "", $"Each item must be a JSON object, not {Describe(element.ValueKind)}."));
                items.Add(null);
            }
            else
            {
                foreach (var property in element.EnumerateObject())
                    if (!known.Contains(property.Name))
                        errors.Add(new ItemError(index, property.Name, $"Unknown field '{property.Name}' (fields are case-sensitive)."));
                items.Add(read(new ItemReader(element, index, errors)));
            }
            index++;
        }
        return new TelemetryBatch<T>(items, errors);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Typed access to one item's fields; a wrong type is recorded as an error and read as absent.</summary>
    private readonly struct ItemReader(JsonElement item, int index, List<ItemError> errors)
    {
        public string? String(string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            errors.Add(new ItemError(index, name, $"{name} must be a string, not {Describe(value.ValueKind)}."));
            return null;
        }

        public long? Integer(string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Number)
                errors.Add(new ItemError(index, name, $"{name} must be a number, not {Describe(value.ValueKind)}."));
            else if (value.TryGetInt64(out var n))
                return n;
            else
                errors.Add(new ItemError(index, name, $"{name} must be a whole number within range (got {Clip(value.GetRawText())})."));
            return null;
        }

        public decimal? Decimal(string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Number)
                errors.Add(new ItemError(index, name, $"{name} must be a number, not {Describe(value.ValueKind)}."));
            else if (value.TryGetDecimal(out var d))
                return d;
            else
                errors.Add(new ItemError(index, name, $"{name} is out of range (got {Clip(value.GetRawText())})."));
            return null;
        }

        private static string Clip(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
