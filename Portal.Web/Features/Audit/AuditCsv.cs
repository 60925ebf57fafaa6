using System.Globalization;
using System.Text;
using Portal.Core.Auditing;
using Portal.Core.Common;

namespace Portal.Web.Features.Audit;

/// <summary>Audit entries as RFC 4180 CSV, safe to open in a spreadsheet.</summary>
public static class AuditCsv
{
    public static readonly string[] Columns =
    [
        "sequence", "occurredUtc", "actorName", "actorUserId", "programId", "entityType", "entityId",
        "action", "oldValues", "newValues", "reason", "hash",
    ];

    public static string HeaderLine() => string.Join(',', Columns) + "\r\n";

    public static string Line(AuditEntry a)
    {
        var fields = new[]
        {
            a.Sequence.ToString(CultureInfo.InvariantCulture),
            a.OccurredUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            a.ActorName, a.ActorUserId, a.ProgramId?.ToString(CultureInfo.InvariantCulture), a.EntityType, a.EntityId,
            a.Action, a.OldValues, a.NewValues, a.Reason, a.Hash,
        };
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            line.Append(Field(fields[i]));
        }
        return line.Append("\r\n").ToString();
    }

    /// <summary>One field with the formula guard and RFC 4180 quoting every export shares (<see cref="CsvText.Field"/>).</summary>
    public static string Field(string? value) => CsvText.Field(value);
}
