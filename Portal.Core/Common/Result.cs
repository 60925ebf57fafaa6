namespace Portal.Core.Common;

/// <summary>
/// Outcome of an operation a user can get wrong. Failures carry every field error at once,
/// so forms and problem details can list them all instead of the first one found.
/// </summary>
public class Result
{
    protected Result(IReadOnlyList<FieldError> errors) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result Success() => new([]);
    public static Result Failure(IEnumerable<FieldError> errors) => new(errors.ToList());
    public static Result Failure(string field, string message) => new([new FieldError(field, message)]);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<FieldError> errors) : base(errors) => _value = value;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value, []);
    public static new Result<T> Failure(IEnumerable<FieldError> errors) => new(default, errors.ToList());
    public static new Result<T> Failure(string field, string message) => new(default, [new FieldError(field, message)]);
}
