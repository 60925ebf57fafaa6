namespace Portal.Core.Programs;

public sealed class ProgramMember
{
    private ProgramMember() { }

    internal ProgramMember(int programId, string userId, ProgramRole role, DateTimeOffset addedUtc)
    {
        ProgramId = programId;
        UserId = userId;
        Role = role;
        AddedUtc = addedUtc.ToUniversalTime();
    }

    public int ProgramId { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public ProgramRole Role { get; private set; }
    public DateTimeOffset AddedUtc { get; private set; }

    internal void ChangeRole(ProgramRole role) => Role = role;
}
