using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Web.Features.Audit;

/// <summary>The export endpoint's address for a filter, so the download matches what the page shows.</summary>
public static class AuditExportLink
{
    public const string Path = "/api/audit/export.csv";

    public static string For(AuditFilter f)
    {
        var query = new Dictionary<string, string?>();
        if (f.ProgramId is { } programId) query["programId"] = programId.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(f.Actor)) query["actor"] = f.Actor.Trim();
        if (!string.IsNullOrWhiteSpace(f.EntityType)) query["entityType"] = f.EntityType;
        if (f.FromUtc is { } from) query["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (f.ToUtc is { } to) query["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(f.Search)) query["search"] = f.Search.Trim();
        return QueryHelpers.AddQueryString(Path, query);
    }
}
