using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Milestones;

/// <summary>How a parameter's value is written and checked; the UI picks its input from this.</summary>
public enum EvaluatorParameterKind
{
    Text = 1,

    /// <summary>A whole number of at least 1.</summary>
    Int = 2,

    /// <summary>0 to 100, decimals allowed.</summary>
    Percent = 3,

    /// <summary>A <see cref="ProgramRole"/> name, e.g. "ExecutiveSponsor".</summary>
    Role = 4,
}

/// <summary>One parameter an evaluator takes, described well enough for a form to offer it and for Core to check it.</summary>
public sealed record EvaluatorParameter(string Key, string Label, EvaluatorParameterKind Kind, bool Required, string? Default = null, string? Hint = null)
{
    public const int MaxTextLength = 200;

    /// <summary>The field a problem with this parameter is reported on, so forms show it next to its input.</summary>
    public static string FieldFor(string key) => $"{nameof(Criterion.Parameters)}.{key}";

    /// <summary>
    /// Checks values against their definitions: required ones present, numbers and roles well formed, no unknown keys.
    /// Evaluators add their own rules on top.
    /// </summary>
    public static IEnumerable<FieldError> Validate(IReadOnlyList<EvaluatorParameter> definitions, IReadOnlyDictionary<string, string> values)
    {
        foreach (var key in values.Keys.Where(k => definitions.All(d => d.Key != k)))
            yield return new FieldError(nameof(Criterion.Parameters), $"Unknown parameter '{key}'.");
        foreach (var d in definitions)
        {
            var value = values.GetValueOrDefault(d.Key);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (d.Required)
                    yield return new FieldError(FieldFor(d.Key), $"{d.Label} is required.");
                continue;
            }
            var problem = d.Kind switch
            {
                EvaluatorParameterKind.Int when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 =>
                    $"{d.Label} must be a whole number of at least 1.",
                EvaluatorParameterKind.Percent when !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p > 100 =>
                    $"{d.Label} must be a percentage from 0 to 100.",
                EvaluatorParameterKind.Role when !Enum.TryParse<ProgramRole>(value, ignoreCase: false, out var role) || !Enum.IsDefined(role) || int.TryParse(value, out _) =>
                    $"{d.Label}: '{value}' is not a program role.",
                EvaluatorParameterKind.Text when value.Trim().Length > MaxTextLength =>
                    $"{d.Label} must be at most {MaxTextLength} characters.",
                _ => null,
            };
            if (problem is not null)
                yield return new FieldError(FieldFor(d.Key), problem);
        }
    }
}
