using Portal.Core.Programs;

namespace Portal.Tests.Builders;

/// <summary>A valid program unless told otherwise; names are unique so tests sharing a database never collide.</summary>
public sealed class ProgramBuilder
{
    public static readonly DateTimeOffset DefaultCreatedUtc = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private string _name = "Program " + Guid.NewGuid().ToString("N")[..8];
    private string _description = "Finance and project delivery on one set of numbers.";
    private string[] _systems = ["PPM", "ERP"];
    private DateOnly? _plannedGoLive = new(2026, 9, 1);
    private DateTimeOffset _createdUtc = DefaultCreatedUtc;
    private readonly List<(string UserId, ProgramRole Role)> _members = [];

    public ProgramBuilder Named(string name) { _name = name; return this; }
    public ProgramBuilder WithDescription(string description) { _description = description; return this; }
    public ProgramBuilder WithSystems(params string[] systems) { _systems = systems; return this; }
    public ProgramBuilder GoingLiveOn(DateOnly? plannedGoLive) { _plannedGoLive = plannedGoLive; return this; }
    public ProgramBuilder CreatedAt(DateTimeOffset createdUtc) { _createdUtc = createdUtc; return this; }
    public ProgramBuilder WithMember(string userId, ProgramRole role) { _members.Add((userId, role)); return this; }

    public PortalProgram Build()
    {
        var created = PortalProgram.Create(_name, _description, _systems, _plannedGoLive, _createdUtc);
        if (!created.Succeeded)
            throw new InvalidOperationException("ProgramBuilder made an invalid program: " +
                string.Join(" | ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var program = created.Value;
        foreach (var (userId, role) in _members)
        {
            var added = program.SetMember(userId, role, _createdUtc);
            if (!added.Succeeded)
                throw new InvalidOperationException($"ProgramBuilder could not add member '{userId}'.");
        }
        return program;
    }
}
