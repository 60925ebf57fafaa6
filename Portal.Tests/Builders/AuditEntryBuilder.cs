using System.Reflection;
using Portal.Core.Auditing;

namespace Portal.Tests.Builders;

/// <summary>Audit events and sealed chains with fixed times, so hashes are the same on every run.</summary>
public sealed class AuditEntryBuilder
{
    public static readonly DateTimeOffset DefaultOccurredUtc = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private string? _actorUserId = "user-1";
    private string _actorName = "Pat Lead";
    private string _entityType = "Program";
    private string _entityId = "1";
    private string _action = "Updated";
    private int? _programId = 1;
    private string? _oldValues = """{"Name":"Old"}""";
    private string? _newValues = """{"Name":"New"}""";
    private string? _reason = "Renamed after steering committee.";
    private DateTimeOffset _occurredUtc = DefaultOccurredUtc;

    public AuditEntryBuilder By(string? actorUserId, string actorName) { _actorUserId = actorUserId; _actorName = actorName; return this; }
    public AuditEntryBuilder On(string entityType, string entityId) { _entityType = entityType; _entityId = entityId; return this; }
    public AuditEntryBuilder Action(string action) { _action = action; return this; }
    public AuditEntryBuilder InProgram(int? programId) { _programId = programId; return this; }
    public AuditEntryBuilder Values(string? oldValues, string? newValues) { _oldValues = oldValues; _newValues = newValues; return this; }
    public AuditEntryBuilder Because(string? reason) { _reason = reason; return this; }
    public AuditEntryBuilder At(DateTimeOffset occurredUtc) { _occurredUtc = occurredUtc; return this; }

    public DateTimeOffset OccurredUtc => _occurredUtc;

    public AuditEvent BuildEvent() =>
        new(_actorUserId, _actorName, _entityType, _entityId, _action, _programId, _oldValues, _newValues, _reason);

    public AuditEntry Build() => new(BuildEvent(), _occurredUtc);

    /// <summary>An entry sealed directly after <paramref name="previous"/> (or first in the chain when null).</summary>
    public AuditEntry BuildSealedAfter(AuditEntry? previous)
    {
        var entry = Build();
        entry.Seal(previous?.Sequence ?? 0, previous?.Hash ?? AuditEntry.GenesisHash);
        return entry;
    }

    /// <summary>A correctly linked chain of <paramref name="count"/> entries, one minute apart, sequences 1..count.</summary>
    public static List<AuditEntry> Chain(int count)
    {
        var chain = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
            chain.Add(new AuditEntryBuilder().On("Program", i.ToString())
                .Values(null, $$"""{"Step":{{i}}}""")
                .At(DefaultOccurredUtc.AddMinutes(i))
                .BuildSealedAfter(chain.LastOrDefault()));
        return chain;
    }

    /// <summary>
    /// Changes a stored field without re-sealing, as someone editing the row in the database would.
    /// Production code has no way to do this; that is the point of the test that uses it.
    /// </summary>
    public static void Tamper(AuditEntry entry, string propertyName, object? value) =>
        typeof(AuditEntry).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);
}
