using Portal.Core.Auditing;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Auditing;

public sealed class AuditEntryTests
{
    [Fact]
    public void A_new_entry_keeps_the_event_and_is_not_yet_sealed()
    {
        var entry = new AuditEntryBuilder().By("u-7", "Sam Sponsor").On("Milestone", "42").Action("Completed")
            .InProgram(3).Values("a", "b").Because("why").Build();

        Assert.Equal(("u-7", "Sam Sponsor", "Milestone", "42", "Completed"), (entry.ActorUserId, entry.ActorName, entry.EntityType, entry.EntityId, entry.Action));
        Assert.Equal((3, "a", "b", "why"), (entry.ProgramId, entry.OldValues, entry.NewValues, entry.Reason));
        Assert.False(entry.IsSealed);
        Assert.Equal(0, entry.Sequence);
    }

    [Fact]
    public void The_time_is_stored_as_UTC_keeping_the_instant()
    {
        var local = new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.FromHours(2));

        var entry = new AuditEntryBuilder().At(local).Build();

        Assert.Equal(TimeSpan.Zero, entry.OccurredUtc.Offset);
        Assert.Equal(local.UtcTicks, entry.OccurredUtc.UtcTicks);
    }

    [Fact]
    public void Over_long_text_fields_are_truncated_to_their_maximum()
    {
        var entry = new AuditEntryBuilder()
            .By("u", new string('a', AuditEntry.MaxActorNameLength + 1))
            .On(new string('t', AuditEntry.MaxEntityTypeLength + 1), new string('i', AuditEntry.MaxEntityIdLength + 1))
            .Action(new string('x', AuditEntry.MaxActionLength + 1))
            .Because(new string('r', AuditEntry.MaxReasonLength + 1))
            .Build();

        Assert.Equal(AuditEntry.MaxActorNameLength, entry.ActorName.Length);
        Assert.Equal(AuditEntry.MaxEntityTypeLength, entry.EntityType.Length);
        Assert.Equal(AuditEntry.MaxEntityIdLength, entry.EntityId.Length);
        Assert.Equal(AuditEntry.MaxActionLength, entry.Action.Length);
        Assert.Equal(AuditEntry.MaxReasonLength, entry.Reason!.Length);
    }

    [Fact]
    public void The_first_entry_is_sequence_1_linked_to_the_genesis_hash()
    {
        var entry = new AuditEntryBuilder().BuildSealedAfter(null);

        Assert.True(entry.IsSealed);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(AuditEntry.GenesisHash, entry.PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
        Assert.Equal(AuditEntry.HashLength, entry.Hash.Length);
        Assert.Equal(entry.ComputeHash(), entry.Hash);
    }

    [Fact]
    public void Sealing_links_the_entry_after_its_predecessor()
    {
        var entry = new AuditEntryBuilder().Build();

        entry.Seal(previousSequence: 41, previousHash: new string('a', 64));

        Assert.Equal(42, entry.Sequence);
        Assert.Equal(new string('a', 64), entry.PreviousHash);
    }

    [Fact]
    public void An_entry_is_sealed_once()
    {
        var entry = new AuditEntryBuilder().BuildSealedAfter(null);

        Assert.Throws<InvalidOperationException>(() => entry.Seal(5, AuditEntry.GenesisHash));
        Assert.Equal(1, entry.Sequence);
    }

    [Fact]
    public void The_same_content_in_the_same_place_always_gives_the_same_hash()
    {
        var a = new AuditEntryBuilder().BuildSealedAfter(null);
        var b = new AuditEntryBuilder().BuildSealedAfter(null);

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Hash, a.ComputeHash());
    }

    [Fact]
    public void The_hash_depends_on_the_instant_not_on_the_offset_it_was_given_in()
    {
        var utc = new AuditEntryBuilder().At(AuditEntryBuilder.DefaultOccurredUtc).BuildSealedAfter(null);
        var local = new AuditEntryBuilder().At(AuditEntryBuilder.DefaultOccurredUtc.ToOffset(TimeSpan.FromHours(-5))).BuildSealedAfter(null);

        Assert.Equal(utc.Hash, local.Hash);
    }

    /// <summary>
    /// Pins the canonical form: if this value changes, every audit trail already written stops verifying.
    /// The expected value was computed outside .NET as SHA-256 of
    /// [1,639080406000000000,"user-1","Pat Lead",1,"Program","1","Updated","{\u0022Name\u0022:\u0022Old\u0022}",
    /// "{\u0022Name\u0022:\u0022New\u0022}","Renamed after steering committee.","000...000"] (UTF-8, no spaces).
    /// </summary>
    [Fact]
    public void The_canonical_hash_of_a_known_entry_never_changes()
    {
        var entry = new AuditEntryBuilder().BuildSealedAfter(null);

        Assert.Equal("8a643eec0175f150416edd7107facde27e2380de20f1503503f6fea9fb0108e4", entry.Hash);
    }

    public static TheoryData<string, object?> Fields => new()
    {
        { nameof(AuditEntry.Sequence), 2L },
        { nameof(AuditEntry.OccurredUtc), AuditEntryBuilder.DefaultOccurredUtc.AddTicks(1) },
        { nameof(AuditEntry.ActorUserId), null },
        { nameof(AuditEntry.ActorName), "Someone Else" },
        { nameof(AuditEntry.ProgramId), 2 },
        { nameof(AuditEntry.EntityType), "Milestone" },
        { nameof(AuditEntry.EntityId), "2" },
        { nameof(AuditEntry.Action), "Deleted" },
        { nameof(AuditEntry.OldValues), """{"Name":"Older"}""" },
        { nameof(AuditEntry.NewValues), """{"Name":"Newer"}""" },
        { nameof(AuditEntry.Reason), null },
        { nameof(AuditEntry.PreviousHash), new string('f', 64) },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_is_covered_by_the_hash(string field, object? otherValue)
    {
        var entry = new AuditEntryBuilder().BuildSealedAfter(null);
        var sealedHash = entry.Hash;

        AuditEntryBuilder.Tamper(entry, field, otherValue);

        Assert.NotEqual(sealedHash, entry.ComputeHash());
    }
}
