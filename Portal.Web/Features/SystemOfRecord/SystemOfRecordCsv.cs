using System.Text;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.SystemOfRecord;

/// <summary>The register as RFC 4180 CSV, quoted and formula-safe the same way as the audit export.</summary>
public static class SystemOfRecordCsv
{
    public static readonly string[] Columns =
    [
        "domain", "status", "authoritativeSystem", "decisionOwner", "escalationPath", "notes", "agreedBy", "agreedUtc", "contentHash",
    ];

    public static string Write(SystemOfRecordRegister register)
    {
        var csv = new StringBuilder().Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var e in register.Entries)
        {
            string?[] fields =
            [
                e.Domain, e.Status.ToString(), e.AuthoritativeSystem, e.DecisionOwnerName, e.EscalationPath, e.Notes,
                e.Agreement?.PrintedName, e.Agreement?.SignedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), e.ContentHash,
            ];
            csv.Append(string.Join(',', fields.Select(AuditCsv.Field))).Append("\r\n");
        }
        return csv.ToString();
    }
}
