using Portal.Data.Identity;

namespace Portal.Tests.Builders;

/// <summary>A user row for tests that need one (program members reference AspNetUsers); names are unique per call.</summary>
public sealed class UserBuilder
{
    private string _displayName = "Pat Lead";
    private DateTimeOffset _createdUtc = new(2026, 1, 2, 8, 0, 0, TimeSpan.Zero);

    public UserBuilder Named(string displayName) { _displayName = displayName; return this; }
    public UserBuilder CreatedAt(DateTimeOffset createdUtc) { _createdUtc = createdUtc; return this; }

    public PortalUser Build()
    {
        var email = $"user-{Guid.NewGuid():N}@portal.test";
        return new PortalUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = _displayName,
            CreatedUtc = _createdUtc,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
    }
}
