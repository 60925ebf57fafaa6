using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Core.Auditing;

/// <summary>
/// One row of the append-only, tamper-evident audit trail (shared/PRODUCT.md rule 5).
/// Each entry's hash covers its content and the previous entry's hash, so editing, deleting or
/// re-ordering any row breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxEntityTypeLength = 80;
    public const int MaxEntityIdLength = 80;
    public const int MaxActionLength = 80;
    public const int MaxActorNameLength = 200;
    public const int MaxReasonLength = 1000;
    public const int HashLength = 64;
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry() { }

    public AuditEntry(AuditEvent e, DateTimeOffset occurredUtc)
    {
        // Whole microseconds: PostgreSQL's timestamptz keeps no more, and the hash must survive a round trip.
        var utc = occurredUtc.ToUniversalTime();
        OccurredUtc = utc.AddTicks(-(utc.UtcTicks % TimeSpan.TicksPerMicrosecond));
        ActorUserId = e.ActorUserId;
        ActorName = Truncate(e.ActorName, MaxActorNameLength);
        ProgramId = e.ProgramId;
        EntityType = Truncate(e.EntityType, MaxEntityTypeLength);
        EntityId = Truncate(e.EntityId, MaxEntityIdLength);
        Action = Truncate(e.Action, MaxActionLength);
        OldValues = e.OldValues;
        NewValues = e.NewValues;
        Reason = e.Reason is null ? null : Truncate(e.Reason, MaxReasonLength);
    }

    /// <summary>Position in the chain, assigned when the entry is sealed; also the primary key, so two writers cannot fork the chain.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset OccurredUtc { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;
    public int? ProgramId { get; private set; }
    public string EntityType { get; private set; } = string.Empty;
    public string EntityId { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public string? OldValues { get; private set; }
    public string? NewValues { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    public bool IsSealed => Hash.Length > 0;

    /// <summary>Links this entry after <paramref name="previousSequence"/>/<paramref name="previousHash"/>.</summary>
    public void Seal(long previousSequence, string previousHash)
    {
        if (IsSealed)
            throw new InvalidOperationException("An audit entry is sealed once.");
        Sequence = previousSequence + 1;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        // Canonical form: a JSON array of every field in a fixed order; times as UTC ticks so the
        // hash does not depend on how a provider formats dates.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            Sequence, OccurredUtc.UtcTicks, ActorUserId, ActorName, ProgramId, EntityType, EntityId,
            Action, OldValues, NewValues, Reason, PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>What happened, before it is placed in the chain.</summary>
public sealed record AuditEvent(
    string? ActorUserId,
    string ActorName,
    string EntityType,
    string EntityId,
    string Action,
    int? ProgramId = null,
    string? OldValues = null,
    string? NewValues = null,
    string? Reason = null);
