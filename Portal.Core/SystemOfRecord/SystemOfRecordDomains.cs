namespace Portal.Core.SystemOfRecord;

/// <summary>
/// The data domains a PPM-ERP integration usually has to settle (issue 4). Programs may add their own; a domain is
/// compared without regard to case or repeated spaces, so "Purchase  Orders" and "purchase orders" are one domain.
/// </summary>
public static class SystemOfRecordDomains
{
    public static IReadOnlyList<string> Standard { get; } = ["projects", "commitments", "purchase orders", "invoices", "time", "resources", "rates"];

    /// <summary>The form a domain is compared and signed in: trimmed, single-spaced, lower case.</summary>
    public static string Key(string? domain) =>
        string.Join(' ', (domain ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static bool IsStandard(string domain) => Standard.Contains(Key(domain), StringComparer.Ordinal);

    /// <summary>The order registers and reasons list domains in: the standard ones as above, then custom ones alphabetically.</summary>
    public static IEnumerable<T> InRegisterOrder<T>(IEnumerable<T> items, Func<T, string> domain) =>
        items.OrderBy(i => Position(domain(i))).ThenBy(i => Key(domain(i)), StringComparer.Ordinal);

    private static int Position(string domain)
    {
        var index = Standard.ToList().IndexOf(Key(domain));
        return index < 0 ? int.MaxValue : index;
    }
}
