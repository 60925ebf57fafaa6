namespace Portal.Core.SystemOfRecord;

/// <summary>The system-of-record register as computed criteria see it: each domain and whether it is agreed.</summary>
public sealed record SystemOfRecordFacts(IReadOnlyList<SystemOfRecordDomainFact> Entries)
{
    public static SystemOfRecordFacts From(IEnumerable<SystemOfRecordEntry> entries) =>
        new(entries.Select(e => new SystemOfRecordDomainFact(e.Domain, e.Status)).ToList());
}

public sealed record SystemOfRecordDomainFact(string Domain, SystemOfRecordStatus Status);
