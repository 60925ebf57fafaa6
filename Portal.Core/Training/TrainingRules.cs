using System.Globalization;

namespace Portal.Core.Training;

/// <summary>
/// An audience as the rates see it: its name, its people (emails) and the mandatory courses they must complete.
/// A person may be in several audiences (their stakeholder group and a program role); they count in each.
/// </summary>
public sealed record AudienceInput(string Key, string Name, IReadOnlyCollection<string> People, IReadOnlyCollection<int> MandatoryCourseIds);

/// <summary>How far one audience (or the whole program) is: people who completed every mandatory course, of all its people.</summary>
public sealed record AudienceCompletion(string Key, string Name, int People, int Completed, int MandatoryCourses)
{
    /// <summary>Null when there is nobody to measure, which is never "100%".</summary>
    public decimal? Percent => People == 0 ? null : Completed * 100m / People;

    public bool Meets(decimal thresholdPercent) => People > 0 && MandatoryCourses > 0 && Completed * 100m >= thresholdPercent * People;

    /// <summary>Why <see cref="Meets"/> is false, in words a PMO lead can act on; null when it holds.</summary>
    public string? Shortfall(decimal thresholdPercent) =>
        MandatoryCourses == 0 ? $"{Name} has no mandatory course"
        : People == 0 ? $"{Name} has no people to train yet"
        : Meets(thresholdPercent) ? null
        : $"Training completion {TrainingRules.Format(Percent!.Value)} < {TrainingRules.Format(thresholdPercent)} for {Name}";
}

public static class TrainingRules
{
    /// <summary>
    /// Completion per audience, and overall over the distinct people of every audience with a mandatory course (complete
    /// overall only when complete in each of their audiences). <paramref name="completed"/> holds (course id, email) pairs.
    /// </summary>
    public static (IReadOnlyList<AudienceCompletion> Audiences, AudienceCompletion Overall) Rates(
        IEnumerable<AudienceInput> audiences, IReadOnlySet<(int CourseId, string Email)> completed)
    {
        var result = new List<AudienceCompletion>();
        var overall = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var a in audiences)
        {
            var people = a.People.Distinct(StringComparer.Ordinal).ToList();
            var done = 0;
            foreach (var email in people)
            {
                var complete = a.MandatoryCourseIds.All(c => completed.Contains((c, email)));
                if (complete)
                    done++;
                if (a.MandatoryCourseIds.Count > 0)
                    overall[email] = overall.GetValueOrDefault(email, true) && complete;
            }
            result.Add(new AudienceCompletion(a.Key, a.Name, people.Count, a.MandatoryCourseIds.Count > 0 ? done : 0, a.MandatoryCourseIds.Count));
        }
        var mandatory = result.Sum(r => r.MandatoryCourses);
        return (result, new AudienceCompletion("overall", "all audiences", overall.Count, overall.Count(p => p.Value), mandatory));
    }

    /// <summary>
    /// A percentage rounded down to one decimal: 89.96% shows as 89.9%, never as a 90% that did not pass a 90% gate.
    /// </summary>
    public static string Format(decimal percent) =>
        (Math.Floor(percent * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
