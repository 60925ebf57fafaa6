using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Milestones;
using Portal.Core.Reports;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;
using Portal.Web.Features.Reports.Pdf;
using Portal.Web.Features.Scorecards;

namespace Portal.Web.Features.Reports;

/// <summary>A rendered PDF before it is stored or sent.</summary>
public sealed record RenderedReport(ReportScope Scope, int? ProgramId, string Title, string FileName, int Programs, byte[] Bytes);

/// <summary>A stored report as the owner's list shows it (without its bytes).</summary>
public sealed record ReportListItem(long Id, ReportScope Scope, ReportOrigin Origin, int? ProgramId, string Title, string FileName,
    DateTimeOffset CreatedUtc, DateTimeOffset ExpiresUtc, long SizeBytes, int Programs);

public sealed record ReportDownload(string FileName, byte[] Bytes);

/// <summary>
/// Renders scorecard PDFs from the Core document model (built by <see cref="ScorecardService"/>, with the programs'
/// sign-offs loaded here), keeps them in the database for their owner, and removes them after the retention period.
/// </summary>
public sealed class ReportService(IDbContextFactory<PortalDbContext> dbFactory, ScorecardService scorecards, IOptions<PdfOptions> pdf, TimeProvider clock)
{
    /// <summary>Null when the program does not exist or the user cannot see it.</summary>
    public async Task<RenderedReport?> ProgramPdfAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        var card = await scorecards.GetAsync(programId, user, ct);
        if (card is null)
            return null;
        var signOffs = await SignOffsAsync([programId], ct);
        PdfSetup.EnsureInitialized(pdf.Value);
        var generated = clock.GetUtcNow();
        var bytes = ScorecardPdfWriter.Program(new ScorecardReport(card, signOffs[programId].ToList()), generated);
        return new RenderedReport(ReportScope.Program, programId, $"Adoption scorecard: {card.ProgramName}",
            FileName($"scorecard-{card.ProgramName}", generated), 1, bytes);
    }

    /// <summary>Every program the user can see; <paramref name="progress"/> hears (done, total) as each program's pages are drawn.</summary>
    public async Task<RenderedReport> PortfolioPdfAsync(CurrentUser user, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var rows = await scorecards.PortfolioAsync(user, ct);
        progress?.Invoke(0, rows.Count);
        var signOffs = await SignOffsAsync(rows.Select(r => r.Id).ToList(), ct);
        PdfSetup.EnsureInitialized(pdf.Value);
        var generated = clock.GetUtcNow();
        var reports = rows.Select(r => new ScorecardReport(r.Card, signOffs[r.Id].ToList())).ToList();
        var bytes = ScorecardPdfWriter.Portfolio(reports, generated, done => progress?.Invoke(done, rows.Count), ct);
        return new RenderedReport(ReportScope.Portfolio, null, $"Portfolio scorecard ({rows.Count} programs)", FileName("portfolio-scorecard", generated),
            rows.Count, bytes);
    }

    public async Task<long> SaveAsync(RenderedReport report, string ownerUserId, CancellationToken ct = default)
    {
        var file = ReportFile.Create(report.Scope, report.ProgramId, ownerUserId, report.Title, report.FileName, report.Programs, report.Bytes, clock.GetUtcNow());
        if (!file.Succeeded)
            throw new InvalidOperationException(string.Join("; ", file.Errors.Select(e => e.Message)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ReportFiles.Add(file.Value);
        await db.SaveChangesAsync(ct);
        return file.Value.Id;
    }

    public async Task<IReadOnlyList<ReportListItem>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var files = await db.ReportFiles.AsNoTracking().Where(f => f.OwnerUserId == user.Id && f.ExpiresUtc > now)
            .Select(f => new ReportListItem(f.Id, f.Scope, f.Origin, f.ProgramId, f.Title, f.FileName, f.CreatedUtc, f.ExpiresUtc, f.SizeBytes, f.ProgramCount))
            .ToListAsync(ct);
        return files.OrderByDescending(f => f.CreatedUtc).ToList();
    }

    /// <summary>
    /// The owner's file, and for a program report only while they can still see the program: a member removed since the
    /// report was made loses it with the program. Null otherwise, which the endpoint answers as 404.
    /// </summary>
    public async Task<ReportDownload?> DownloadAsync(long id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var file = await db.ReportFiles.AsNoTracking().Where(f => f.Id == id && f.OwnerUserId == user.Id && f.ExpiresUtc > now)
            .Select(f => new { f.ProgramId, f.FileName, f.Content }).FirstOrDefaultAsync(ct);
        if (file is null)
            return null;
        if (file.ProgramId is { } programId && await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        return new ReportDownload(file.FileName, file.Content);
    }

    /// <summary>Deletes expired files in batches; returns how many went.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.ReportFiles.Where(f => f.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every sign-off on a milestone, a criterion or an adoption review of the programs, with the signer's printed name.</summary>
    internal async Task<ILookup<int, SignOffLine>> SignOffsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var onMilestones = await (from s in db.SignOffs
                join m in db.Milestones on s.MilestoneId equals m.Id
                join p in db.Phases on m.PhaseId equals p.Id
                where ids.Contains(p.ProgramId)
                select new { p.ProgramId, Subject = p.Name + " · " + m.Name, s.PrintedName, s.Meaning, s.SignedUtc }).ToListAsync(ct);
        var onCriteria = await (from s in db.SignOffs
                join c in db.Criteria on s.CriterionId equals c.Id
                join m in db.Milestones on c.MilestoneId equals m.Id
                join p in db.Phases on m.PhaseId equals p.Id
                where ids.Contains(p.ProgramId)
                select new { p.ProgramId, Subject = m.Name + " · " + c.Title, s.PrintedName, s.Meaning, s.SignedUtc }).ToListAsync(ct);
        var onReviews = await (from s in db.SignOffs
                join r in db.AdoptionReviews on s.AdoptionReviewId equals r.Id
                where ids.Contains(r.ProgramId)
                select new { r.ProgramId, r.Day, s.PrintedName, s.Meaning, s.SignedUtc }).ToListAsync(ct);
        return onMilestones.Concat(onCriteria)
            .Select(s => (s.ProgramId, Line: new SignOffLine(s.Subject, s.PrintedName, Meaning(s.Meaning), s.SignedUtc)))
            .Concat(onReviews.Select(s => (s.ProgramId, Line: new SignOffLine($"{s.Day}-day adoption review", s.PrintedName, Meaning(s.Meaning), s.SignedUtc))))
            .ToLookup(s => s.ProgramId, s => s.Line);
    }

    private static string Meaning(SignOffMeaning meaning) => meaning.ToString();

    private static string FileName(string stem, DateTimeOffset generated)
    {
        var safe = new string(stem.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (safe.Contains("--"))
            safe = safe.Replace("--", "-");
        safe = safe.Trim('-');
        if (safe.Length > 80)
            safe = safe[..80].TrimEnd('-');
        return $"{safe}-{generated.UtcDateTime:yyyy-MM-dd-HHmm}.pdf";
    }
}
