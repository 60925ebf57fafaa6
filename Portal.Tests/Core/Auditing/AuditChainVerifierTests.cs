using Portal.Core.Auditing;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Auditing;

public sealed class AuditChainVerifierTests
{
    [Fact]
    public void An_empty_trail_is_intact()
    {
        var report = AuditChainVerifier.Verify([]);

        Assert.True(report.IsIntact);
        Assert.Equal(new AuditChainReport(0, null, null), report);
    }

    [Fact]
    public void An_untouched_chain_is_intact_and_every_entry_is_checked()
    {
        var report = AuditChainVerifier.Verify(AuditEntryBuilder.Chain(5));

        Assert.True(report.IsIntact);
        Assert.Equal(5, report.EntriesChecked);
        Assert.Null(report.Problem);
    }

    [Fact]
    public void Checking_in_batches_gives_the_same_report_as_checking_all_at_once()
    {
        var chain = AuditEntryBuilder.Chain(7);
        var verifier = new AuditChainVerifier();

        foreach (var batch in chain.Chunk(3))
            foreach (var entry in batch)
                verifier.Check(entry);

        Assert.Equal(AuditChainVerifier.Verify(chain), verifier.Report());
        Assert.True(verifier.Report().IsIntact);
    }

    [Fact]
    public void Changed_content_is_reported_at_the_changed_entry()
    {
        var chain = AuditEntryBuilder.Chain(5);
        AuditEntryBuilder.Tamper(chain[2], nameof(AuditEntry.NewValues), """{"Step":999}""");

        var report = AuditChainVerifier.Verify(chain);

        Assert.False(report.IsIntact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("Entry 3 was changed after it was written.", report.Problem);
    }

    [Fact]
    public void A_missing_entry_is_reported_by_the_sequence_that_is_missing()
    {
        var chain = AuditEntryBuilder.Chain(5);
        chain.RemoveAt(2);

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("Entry 3 is missing (found 4 next).", report.Problem);
    }

    [Fact]
    public void A_missing_first_entry_is_reported_as_sequence_1()
    {
        var chain = AuditEntryBuilder.Chain(3);
        chain.RemoveAt(0);

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(1, report.FirstBrokenSequence);
        Assert.Equal("Entry 1 is missing (found 2 next).", report.Problem);
    }

    [Fact]
    public void An_entry_sealed_onto_a_different_predecessor_does_not_link()
    {
        var chain = AuditEntryBuilder.Chain(2);
        var relinked = new AuditEntryBuilder().On("Program", "forged").Build();
        relinked.Seal(chain[1].Sequence, previousHash: chain[0].Hash);
        chain.Add(relinked);

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("Entry 3 does not link to entry 2.", report.Problem);
    }

    [Fact]
    public void Replacing_an_entry_with_a_freshly_sealed_one_breaks_the_link_of_the_next()
    {
        // A forger who re-seals entry 2 gets a self-consistent entry 2, but entry 3 still carries the old hash.
        var chain = AuditEntryBuilder.Chain(4);
        chain[1] = new AuditEntryBuilder().On("Program", "2").Values(null, """{"Step":"forged"}""").BuildSealedAfter(chain[0]);

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("Entry 3 does not link to entry 2.", report.Problem);
    }

    [Fact]
    public void Entries_out_of_order_are_reported_as_a_gap()
    {
        var chain = AuditEntryBuilder.Chain(3);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Equal("Entry 2 is missing (found 3 next).", report.Problem);
    }

    [Fact]
    public void Only_the_first_break_is_reported_and_checking_stops_there()
    {
        var chain = AuditEntryBuilder.Chain(6);
        AuditEntryBuilder.Tamper(chain[1], nameof(AuditEntry.Reason), "edited");
        AuditEntryBuilder.Tamper(chain[4], nameof(AuditEntry.Reason), "edited too");

        var report = AuditChainVerifier.Verify(chain);

        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Equal(2, report.EntriesChecked);
        Assert.Equal("Entry 2 was changed after it was written.", report.Problem);
    }
}
