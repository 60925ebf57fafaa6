using Microsoft.EntityFrameworkCore;
using Portal.Core.Uat;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>UAT rows survive a round trip on both providers; the database holds the unique keys imports rely on.</summary>
public sealed class UatPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task Scenarios_cycles_executions_and_thresholds_round_trip(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, scenarioId, cycleId) = await SeedAsync(db);
        await using (var write = db.CreateContext())
        {
            var gate = UatGate.For(programId);
            gate.Change(new UatThresholds(90, 100, 92.5m));
            write.UatGates.Add(gate);
            write.UatExecutions.Add(UatExecution.Record(programId, scenarioId, cycleId,
                new UatExecutionInput(UatStatus.Blocked, "Ana Ruiz", Now.AddTicks(1234567), "no test data", "DEF-9"), "u1", Now).Value);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var scenario = await read.UatScenarios.SingleAsync(s => s.Id == scenarioId);
        var cycle = await read.UatCycles.SingleAsync(c => c.Id == cycleId);
        var execution = await read.UatExecutions.SingleAsync(e => e.ScenarioId == scenarioId);
        Assert.Equal(("FIN-014", UatCriticality.Critical, "REQ-12"), (scenario.Key, scenario.Criticality, scenario.LinkedTo));
        Assert.Equal((new DateOnly(2026, 11, 1) as DateOnly?, null as DateOnly?, UatCycleStatus.Active), (cycle.Start, cycle.End, cycle.Status));
        Assert.Equal((UatStatus.Blocked, Now, "DEF-9"), (execution.Status, execution.ExecutedUtc, execution.DefectReference)); // whole seconds
        Assert.Equal(new UatThresholds(90, 100, 92.5m), (await read.UatGates.SingleAsync(g => g.ProgramId == programId)).Thresholds);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_database_refuses_a_second_scenario_key_and_the_same_run_twice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, scenarioId, cycleId) = await SeedAsync(db);
        await using var context = db.CreateContext();
        context.UatScenarios.Add(UatScenario.Create(programId, new UatScenarioDraft("FIN-014", "Again", "Invoices", UatCriticality.Normal, null), new HashSet<string>()).Value);
        var key = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(key.IsUniqueKeyViolation());
        context.ChangeTracker.Clear();

        var input = new UatExecutionInput(UatStatus.Pass, "Ana", Now, null, null);
        context.UatExecutions.Add(UatExecution.Record(programId, scenarioId, cycleId, input, "u1", Now).Value);
        await context.SaveChangesAsync();
        context.UatExecutions.Add(UatExecution.Record(programId, scenarioId, cycleId, input with { Status = UatStatus.Fail }, "u1", Now).Value);
        var run = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(run.IsUniqueKeyViolation());
    }

    private static async Task<(int ProgramId, int ScenarioId, int CycleId)> SeedAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var program = new ProgramBuilder().Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var scenario = UatScenario.Create(program.Id, new UatScenarioDraft("fin-014", "Approve over limit", "Commitments", UatCriticality.Critical, "REQ-12"),
            new HashSet<string>()).Value;
        var cycle = UatCycle.Create(program.Id, new UatCycleDraft("Pilot UAT", new DateOnly(2026, 11, 1), null, UatCycleStatus.Active), []).Value;
        context.AddRange(scenario, cycle);
        await context.SaveChangesAsync();
        return (program.Id, scenario.Id, cycle.Id);
    }
}
