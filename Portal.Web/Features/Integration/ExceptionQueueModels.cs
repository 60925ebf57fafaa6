using Portal.Core.Integration;

namespace Portal.Web.Features.Integration;

/// <summary>Queue filters; age is "waiting at least this many days".</summary>
public sealed record ExceptionFilter(int? ProgramId = null, string? ConnectionKey = null, string? ObjectType = null, bool AssignedToMe = false,
    int? MinAgeDays = null, ExceptionState State = ExceptionState.Open);

public sealed record ExceptionRow(long Id, string ExceptionId, string ConnectionKey, string ConnectionName, int ProgramId, string ProgramName,
    string ObjectType, string ObjectKey, string SourceValue, string TargetValue, decimal? AmountDelta, string? Currency, DateTimeOffset DetectedUtc,
    string Age, ExceptionState State, string? AssigneeName);

public sealed record FilterOption(string Value, string Label);

public sealed record ExceptionQueuePage(IReadOnlyList<ExceptionRow> Rows, int Total, IReadOnlyList<FilterOption> Programs,
    IReadOnlyList<FilterOption> Connections, IReadOnlyList<string> ObjectTypes);

public sealed record ExceptionThreadEntry(string AuthorName, ReconciliationCommentKind Kind, string Text, DateTimeOffset CreatedUtc);

public sealed record ExceptionDetail(ExceptionRow Row, string? AssignedUserId, DateTimeOffset? ResolvedUtc, string? ResolvedByName,
    IReadOnlyList<ExceptionThreadEntry> Thread, IReadOnlyList<OwnerOption> Members, bool CanWork);
