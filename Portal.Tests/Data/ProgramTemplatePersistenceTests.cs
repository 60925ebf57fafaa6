using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>A saved template's definition survives the JSON column on both providers, and names stay unique.</summary>
public sealed class ProgramTemplatePersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task A_saved_template_loads_with_its_whole_definition_and_instantiates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var template = ProgramTemplate.FromPlan("Finance integration", "Six phases, our wording",
            ProgramTemplate.Default.Instantiate(CriterionEvaluators.Default), new Dictionary<string, ProgramRole>()).Value;
        int id;
        await using (var context = db.CreateContext())
        {
            var saved = SavedProgramTemplate.Save(template, "u-pmo", "Priya Natarajan", 42, Now);
            context.ProgramTemplates.Add(saved);
            await context.SaveChangesAsync();
            id = saved.Id;
        }

        await using var read = db.CreateContext();
        var loaded = await read.ProgramTemplates.SingleAsync(t => t.Id == id);
        Assert.Equal(("Finance integration", "Six phases, our wording", "u-pmo", "Priya Natarajan", 42, Now),
            (loaded.Name, loaded.Description, loaded.CreatedByUserId, loaded.CreatedByName, loaded.SourceProgramId!.Value, loaded.CreatedUtc));
        Assert.Equal(JsonSerializer.Serialize(template.Phases), JsonSerializer.Serialize(loaded.Phases));
        var phases = loaded.Template.Instantiate(CriterionEvaluators.Default);
        Assert.Equal(["Discovery", "Design", "Build", "Pilot", "Go-Live", "Sustain"], phases.Select(p => p.Name));
        var definition = await read.Database.SqlQueryRaw<string>("SELECT \"Definition\" AS \"Value\" FROM \"ProgramTemplates\"").SingleAsync();
        Assert.StartsWith("{\"format\":1,\"phases\":[{\"name\":\"Discovery\"", definition);
        Assert.Contains("\"kind\":\"Technical\"", definition);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_database_refuses_a_second_template_with_the_same_name(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SaveAsync(db, "Finance integration");

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(db, "Finance integration"));

        Assert.True(refused.IsUniqueKeyViolation());
        await using var context = db.CreateContext();
        Assert.Equal(1, await context.ProgramTemplates.CountAsync());
    }

    private static async Task SaveAsync(TestDatabase db, string name)
    {
        await using var context = db.CreateContext();
        context.ProgramTemplates.Add(SavedProgramTemplate.Save(ProgramTemplate.Default with { Name = name }, "u-pmo", "Priya", null, Now));
        await context.SaveChangesAsync();
    }
}
