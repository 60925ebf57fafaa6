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
}
