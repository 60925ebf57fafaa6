using Portal.Core.Common;

namespace Portal.Core.Stakeholders;

/// <summary>
/// A person in a stakeholder group. Assessed on their own when they differ from their group (a Finance
/// analyst who champions the change); otherwise they inherit the group's assessment.
/// </summary>
public sealed class StakeholderPerson
{
    public const int MaxNameLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxProcessAreaLength = 80;

    private readonly List<AssessmentRecord> _history = [];

    private StakeholderPerson() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public int GroupId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;

    /// <summary>Trimmed and lower-cased; unique within a program, and the key CSV imports match people on.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary>The part of the process their work sits in (e.g. Invoices, Commitments); empty when not known.</summary>
    public string ProcessArea { get; private set; } = string.Empty;

    /// <summary>The person's own latest assessment, or null when they inherit their group's.</summary>
    public Assessment? Own { get; private set; }

    /// <summary>True while <see cref="Own"/> is set; a plain column so map queries can split people without reading assessments.</summary>
    public bool IsAssessedIndividually { get; private set; }

    /// <summary>Not loaded with the person; new entries added here are saved with it.</summary>
    public IReadOnlyList<AssessmentRecord> History => _history;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public static Result<StakeholderPerson> Create(int programId, int groupId, string? name, string? title, string? email, string? processArea)
    {
        var errors = ValidateDetails(name, title, email, processArea);
        if (errors.Count > 0)
            return Result<StakeholderPerson>.Failure(errors);
        var person = new StakeholderPerson { ProgramId = programId };
        person.Apply(groupId, name, title, email, processArea);
        return Result<StakeholderPerson>.Success(person);
    }

    public Result ChangeDetails(int groupId, string? name, string? title, string? email, string? processArea)
    {
        var errors = ValidateDetails(name, title, email, processArea);
        if (errors.Count > 0)
            return Result.Failure(errors);
        var before = (GroupId, Name, Title, Email, ProcessArea);
        Apply(groupId, name, title, email, processArea);
        // An unchanged save (e.g. re-importing an export) must not look like a change to someone editing at the same time.
        if (before != (GroupId, Name, Title, Email, ProcessArea))
            Version = Guid.NewGuid();
        return Result.Success();
    }

    /// <summary>Assesses the person on their own from now on, and appends it to their history.</summary>
    public AssessmentRecord Assess(Assessment assessment)
    {
        Own = assessment;
        IsAssessedIndividually = true;
        var record = new AssessmentRecord(ProgramId, assessment.Copy());
        _history.Add(record);
        Version = Guid.NewGuid();
        return record;
    }

    /// <summary>Drops the individual assessment so the group's applies again; the person's history stays.</summary>
    public void InheritGroupAssessment()
    {
        Own = null;
        IsAssessedIndividually = false;
        Version = Guid.NewGuid();
    }

    /// <summary>The assessment that counts for this person: their own, else their group's (null when neither exists).</summary>
    public Assessment? EffectiveAssessment(Assessment? groupAssessment) => StakeholderRules.Effective(Own, groupAssessment);

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>A deliberately loose check: one @ with text on both sides, a dot in the domain, no spaces.</summary>
    public static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    /// <summary>The checks on a person's details, shared by the form and the CSV import.</summary>
    public static IReadOnlyList<FieldError> ValidateDetails(string? name, string? title, string? email, string? processArea)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Name), name, "Name", MaxNameLength);
        errors.MaxLength(nameof(Title), title, "Title", MaxTitleLength);
        var normalized = NormalizeEmail(email);
        if (normalized.Length == 0)
            errors.Add(nameof(Email), "Email is required.");
        else if (normalized.Length > MaxEmailLength)
            errors.Add(nameof(Email), $"Email must be at most {MaxEmailLength} characters.");
        else if (!IsPlausibleEmail(normalized))
            errors.Add(nameof(Email), $"'{email!.Trim()}' is not an email address.");
        errors.MaxLength(nameof(ProcessArea), processArea, "Process area", MaxProcessAreaLength);
        return errors.ToList();
    }

    private void Apply(int groupId, string? name, string? title, string? email, string? processArea)
    {
        GroupId = groupId;
        Name = name!.Trim();
        Title = title?.Trim() ?? "";
        Email = NormalizeEmail(email);
        ProcessArea = processArea?.Trim() ?? "";
    }
}
