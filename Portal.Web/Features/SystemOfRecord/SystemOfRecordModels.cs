using Portal.Core.SystemOfRecord;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.SystemOfRecord;

/// <summary>A program's register as its page shows it to one user.</summary>
public sealed record SystemOfRecordRegister(
    int ProgramId, string ProgramName, IReadOnlyList<string> Systems, IReadOnlyList<DecisionOwnerOption> Owners,
    IReadOnlyList<SystemOfRecordEntryView> Entries, bool CanEdit);

/// <summary>A process owner of the program who can be named decision owner.</summary>
public sealed record DecisionOwnerOption(string UserId, string Name);

/// <summary>
/// One entry for display, with every signature (stale ones too) and what the viewer may do. <see cref="ContentHash"/> is
/// what a signer is shown and signs; <see cref="Version"/> guards edits.
/// </summary>
public sealed record SystemOfRecordEntryView(
    int Id, string Domain, string AuthoritativeSystem, string DecisionOwnerUserId, string DecisionOwnerName, bool OwnerIsProcessOwner,
    string EscalationPath, string Notes, SystemOfRecordStatus Status, string ContentHash, Guid Version,
    IReadOnlyList<SignOffView> SignOffs, SignOffView? Agreement, bool CanSign)
{
    /// <summary>The latest signature, stale or not: what the "signed by" column shows.</summary>
    public SignOffView? LastSignature => Agreement ?? SignOffs.LastOrDefault();

    public SystemOfRecordDraft ToDraft() => new(Domain, AuthoritativeSystem, DecisionOwnerUserId, EscalationPath, Notes);

    /// <summary>The domain as a test id: "purchase orders" becomes "purchase-orders".</summary>
    public string DomainTestId() => SystemOfRecordDomains.Key(Domain).Replace(' ', '-');
}

/// <summary>The add/edit dialog's inputs; <see cref="CustomSystem"/> is used when the system is not one of the program's.</summary>
public sealed class SystemOfRecordForm
{
    public const string OtherSystem = "Other…";

    public string? Domain { get; set; }
    public string? System { get; set; }
    public string? CustomSystem { get; set; }
    public string? DecisionOwnerUserId { get; set; }
    public string? EscalationPath { get; set; }
    public string? Notes { get; set; }

    public SystemOfRecordDraft ToDraft() =>
        new(Domain, System == OtherSystem ? CustomSystem : System, DecisionOwnerUserId, EscalationPath, Notes);

    public static SystemOfRecordForm From(SystemOfRecordEntryView entry, IReadOnlyList<string> systems)
    {
        // Exact match only: picking "ERP" for a stored "erp" would change signed content the user never touched.
        var known = systems.Contains(entry.AuthoritativeSystem, StringComparer.Ordinal);
        return new SystemOfRecordForm
        {
            Domain = entry.Domain,
            System = known ? entry.AuthoritativeSystem : OtherSystem,
            CustomSystem = known ? null : entry.AuthoritativeSystem,
            DecisionOwnerUserId = entry.DecisionOwnerUserId,
            EscalationPath = entry.EscalationPath,
            Notes = entry.Notes,
        };
    }
}
