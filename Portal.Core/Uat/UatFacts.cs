namespace Portal.Core.Uat;

/// <summary>
/// UAT as computed criteria see it: the program's thresholds and the rates of its current cycle
/// (<see cref="UatCycle.Current{T}"/>); <see cref="CycleName"/> is null when the program has no cycle yet.
/// </summary>
public sealed record UatFacts(UatThresholds Thresholds, string? CycleName, UatRates Rates);
