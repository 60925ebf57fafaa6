using Portal.Core.Common;
using Portal.Core.Stakeholders;
using Portal.Core.Uat;

namespace Portal.Web.Features.Uat;

/// <summary>The UAT page's data for one cycle: rates against thresholds, scenarios with their latest status there.</summary>
public sealed record UatBoard(
    int ProgramId, string ProgramName, bool CanEdit, bool CanManageGate, UatThresholds Thresholds,
    IReadOnlyList<UatCycleView> Cycles, int? CycleId, int? CurrentCycleId, UatRates Rates, IReadOnlyList<UatScenarioRow> Scenarios)
{
    public UatCycleView? Cycle => Cycles.FirstOrDefault(c => c.Id == CycleId);
    public IReadOnlyList<string> ProcessAreas => Scenarios.Select(s => s.ProcessArea).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
}

public sealed record UatCycleView(int Id, string Name, DateOnly? Start, DateOnly? End, UatCycleStatus Status);

public sealed record UatScenarioRow(int Id, string Key, string Title, string ProcessArea, UatCriticality Criticality, string LinkedTo,
    UatStatus Status, string Tester, DateTimeOffset? ExecutedUtc, string DefectReference, int Runs);

/// <summary>One execution in a scenario's history within a cycle, newest first.</summary>
public sealed record UatExecutionView(UatStatus Status, string Tester, DateTimeOffset ExecutedUtc, string Notes, string DefectReference);

/// <summary>Where an import is: reading, checking, saving (with rows saved of all), so the page can show progress.</summary>
public sealed record UatImportProgress(string Stage, int Done, int Total);

public sealed record UatImportOutcome(IReadOnlyList<CsvRowError> Errors, int Rows = 0, int Recorded = 0, int Corrected = 0, int Unchanged = 0)
{
    public bool Succeeded => Errors.Count == 0;
}
