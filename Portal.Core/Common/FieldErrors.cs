namespace Portal.Core.Common;

/// <summary>Collects field errors for user-supplied text so every check reads the same way.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<FieldError> ToList() => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void Required(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, $"{label} is required.");
        else
            MaxLength(field, value, label, maxLength);
    }

    public void MaxLength(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
            Add(field, $"{label} must be at most {maxLength} characters (it has {value.Trim().Length}).");
    }
}
