namespace Portal.Core.Auditing;

public sealed record AuditChainReport(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Verifies the audit trail: sequences without gaps, each hash matching its content and linking to its predecessor.</summary>
public sealed class AuditChainVerifier
{
    private long _expectedSequence = 1;
    private string _expectedPreviousHash = AuditEntry.GenesisHash;
    private long _checked;
    private long? _brokenAt;
    private string? _problem;

    /// <summary>Feed entries in ascending sequence order, in as many batches as needed.</summary>
    public void Check(AuditEntry entry)
    {
        if (_brokenAt is not null)
            return;
        _checked++;
        if (entry.Sequence != _expectedSequence)
            Break(_expectedSequence, $"Entry {_expectedSequence} is missing (found {entry.Sequence} next).");
        else if (entry.PreviousHash != _expectedPreviousHash)
            Break(entry.Sequence, $"Entry {entry.Sequence} does not link to entry {entry.Sequence - 1}.");
        else if (entry.ComputeHash() != entry.Hash)
            Break(entry.Sequence, $"Entry {entry.Sequence} was changed after it was written.");

        _expectedSequence = entry.Sequence + 1;
        _expectedPreviousHash = entry.Hash;
    }

    public AuditChainReport Report() => new(_checked, _brokenAt, _problem);

    public static AuditChainReport Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var verifier = new AuditChainVerifier();
        foreach (var entry in entriesInOrder)
            verifier.Check(entry);
        return verifier.Report();
    }

    private void Break(long sequence, string problem)
    {
        _brokenAt = sequence;
        _problem = problem;
    }
}
