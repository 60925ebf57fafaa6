namespace Portal.Core.Decommissioning;

/// <summary>The decommissioning register as computed criteria see it: each workaround, its date and whether it is decommissioned.</summary>
public sealed record DecommissioningFacts(IReadOnlyList<WorkaroundFact> Workarounds)
{
    public static DecommissioningFacts From(IEnumerable<LegacyWorkaround> workarounds) =>
        new(workarounds.Select(w => new WorkaroundFact(w.Name, w.DecommissionDate, w.IsDecommissioned)).ToList());
}

public sealed record WorkaroundFact(string Name, DateOnly? DecommissionDate, bool IsDecommissioned);
