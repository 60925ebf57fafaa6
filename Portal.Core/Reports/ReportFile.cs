using Portal.Core.Common;

namespace Portal.Core.Reports;

public enum ReportScope
{
    Program = 1,
    Portfolio = 2,
}

/// <summary>How a report came to be: asked for on a page, or made by a weekly subscription.</summary>
public enum ReportOrigin
{
    OnDemand = 1,
    Subscription = 2,
}

/// <summary>
/// A generated PDF kept for its owner to download: stored in the database with its bytes so it survives restarts and is
/// served by any node, and removed after <see cref="RetentionDays"/> days (ADR-024).
/// </summary>
public sealed class ReportFile
{
    public const int RetentionDays = 30;
    public const int MaxTitleLength = 300;
    public const int MaxFileNameLength = 200;

    private ReportFile() { }

    public long Id { get; private set; }
    public ReportScope Scope { get; private set; }
    public ReportOrigin Origin { get; private set; }

    /// <summary>The program of a program report; null for a portfolio report.</summary>
    public int? ProgramId { get; private set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string FileName { get; private set; } = string.Empty;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public int ProgramCount { get; private set; }
    public long SizeBytes { get; private set; }
    public byte[] Content { get; private set; } = [];

    /// <summary>With <see cref="DueDate"/>, the week of a subscription this file was made for; unique together.</summary>
    public int? SubscriptionId { get; private set; }
    public DateOnly? DueDate { get; private set; }

    public static Result<ReportFile> Create(ReportScope scope, int? programId, string ownerUserId, string title, string fileName, int programCount,
        byte[] content, DateTimeOffset now, (int SubscriptionId, DateOnly DueDate)? week = null)
    {
        var errors = new FieldErrors();
        if (scope == ReportScope.Program && programId is null)
            errors.Add(nameof(ProgramId), "A program report needs its program.");
        if (scope == ReportScope.Portfolio && programId is not null)
            errors.Add(nameof(ProgramId), "A portfolio report covers every visible program, not one.");
        if (string.IsNullOrWhiteSpace(ownerUserId))
            errors.Add(nameof(OwnerUserId), "A report needs an owner.");
        errors.Required(nameof(Title), title, "Title", MaxTitleLength);
        errors.Required(nameof(FileName), fileName, "File name", MaxFileNameLength);
        if (content.Length == 0)
            errors.Add(nameof(Content), "The report is empty.");
        if (errors.Any)
            return Result<ReportFile>.Failure(errors.ToList());
        return Result<ReportFile>.Success(new ReportFile
        {
            Scope = scope, ProgramId = programId, OwnerUserId = ownerUserId, Title = title.Trim(), FileName = fileName.Trim(),
            Origin = week is null ? ReportOrigin.OnDemand : ReportOrigin.Subscription,
            CreatedUtc = now.ToUniversalTime(), ExpiresUtc = now.ToUniversalTime().AddDays(RetentionDays),
            ProgramCount = programCount, SizeBytes = content.LongLength, Content = content,
            SubscriptionId = week?.SubscriptionId, DueDate = week?.DueDate,
        });
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresUtc;
}
