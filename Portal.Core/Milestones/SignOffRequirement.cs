namespace Portal.Core.Milestones;

/// <summary>A sign-off an evidence criterion needs: from anyone holding a role, or from one named person.</summary>
public sealed record SignOffRequirement
{
    private SignOffRequirement(string? role, string? userId, string label)
    {
        Role = role;
        UserId = userId;
        Label = label;
    }

    public string? Role { get; }
    public string? UserId { get; }

    /// <summary>How the requirement reads in a refusal: "Sign-off missing: Finance process owner".</summary>
    public string Label { get; }

    public static SignOffRequirement ByRole(string role, string label) => new(role, null, label);

    public static SignOffRequirement ByPerson(string userId, string printedName) => new(null, userId, printedName);

    public bool IsSatisfiedBy(SignOff signOff) =>
        UserId is not null ? signOff.SignerUserId == UserId : signOff.HadRole(Role!);

    /// <summary>
    /// Why the requirements are not satisfied by the sign-offs on content whose hash is now
    /// <paramref name="contentHash"/>: one reason per missing or only-stale sign-off.
    /// </summary>
    public static IEnumerable<string> Missing(IEnumerable<SignOffRequirement> requirements, IReadOnlyCollection<SignOff> signOffs, string contentHash,
        string changedWhat)
    {
        foreach (var requirement in requirements)
        {
            var signatures = signOffs.Where(requirement.IsSatisfiedBy).ToList();
            if (signatures.Any(s => !s.IsStaleFor(contentHash)))
                continue;
            yield return signatures.Count == 0
                ? $"Sign-off missing: {requirement.Label}"
                : $"Sign-off stale: {requirement.Label} signed before {changedWhat} changed";
        }
    }
}
