using Portal.Core.Scorecards;
using Portal.Core.Sponsorship;

namespace Portal.Web.Features.Sponsorship;

public sealed record SponsorshipEntryView(int Id, SponsorshipKind Kind, DateOnly Date, string Note, string SponsorName, DateTimeOffset RecordedUtc, bool CanChange);

/// <summary>The log page: entries newest first, whether the reader may add one, and the two scorecard items it feeds.</summary>
public sealed record SponsorshipLogView(int ProgramId, string ProgramName, bool CanRecord, IReadOnlyList<SponsorshipEntryView> Entries,
    ScorecardItem Cadence, ScorecardItem Silent);

public sealed class SponsorshipForm
{
    public SponsorshipKind? Kind { get; set; }
    public DateTime? Date { get; set; }
    public string Note { get; set; } = string.Empty;

    public SponsorshipDraft ToDraft() => new(Kind, Date is { } d ? DateOnly.FromDateTime(d) : null, Note);

    public static SponsorshipForm From(SponsorshipEntryView e) => new() { Kind = e.Kind, Date = e.Date.ToDateTime(TimeOnly.MinValue), Note = e.Note };
}
