using Microsoft.EntityFrameworkCore;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Assessment history survives re-assessment on both providers; the current copy rides on the group/person row.</summary>
public sealed class StakeholderPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory, SqliteData, PostgresData]
    public async Task Every_reassessment_is_kept_and_the_latest_is_current(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId) = await SeedGroupAsync(db);

        foreach (var (support, day) in new[] { (SupportLevel.StrongResistance, 0), (SupportLevel.Resistant, 10), (SupportLevel.Neutral, 20) })
        {
            await using var context = db.CreateContext();
            var group = await context.StakeholderGroups.SingleAsync(g => g.Id == groupId);
            group.Assess(Assess(support, ResistanceType.FinanceTerritorial, Now.AddDays(day)));
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.StakeholderGroups.SingleAsync(g => g.Id == groupId);
        Assert.Equal(SupportLevel.Neutral, loaded.Current!.CurrentSupport);
        Assert.Equal(Now.AddDays(20), loaded.Current.AssessedUtc);
        Assert.Equal(ResistanceType.FinanceTerritorial, loaded.Current.ResistanceType);
        var history = await read.StakeholderAssessments.Where(r => r.GroupId == groupId)
            .OrderBy(r => r.Assessment.AssessedUtc).Select(r => new { r.Assessment.CurrentSupport, r.ProgramId, r.PersonId }).ToListAsync();
        Assert.Equal([SupportLevel.StrongResistance, SupportLevel.Resistant, SupportLevel.Neutral], history.Select(h => h.CurrentSupport));
        Assert.All(history, h => Assert.Equal((programId, (int?)null), (h.ProgramId, h.PersonId)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_inherits_until_assessed_and_keeps_history_after_going_back_to_the_group(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, groupId) = await SeedGroupAsync(db);
        int personId;
        await using (var context = db.CreateContext())
        {
            var person = StakeholderPerson.Create(programId, groupId, "Ana Ruiz", "Financial analyst", " Ana.Ruiz@Example.com ", "Invoices").Value;
            context.StakeholderPeople.Add(person);
            await context.SaveChangesAsync();
            personId = person.Id;
        }
        await using (var context = db.CreateContext())
        {
            var person = await context.StakeholderPeople.SingleAsync(p => p.Id == personId);
            Assert.Null(person.Own);
            Assert.False(person.IsAssessedIndividually);
            person.Assess(Assess(SupportLevel.Champion, ResistanceType.None, Now, earlyAdopter: true));
            await context.SaveChangesAsync();
        }
        await using (var context = db.CreateContext())
        {
            var person = await context.StakeholderPeople.SingleAsync(p => p.Id == personId);
            Assert.Equal((SupportLevel.Champion, true, true), (person.Own!.CurrentSupport, person.Own.IsEarlyAdopter, person.IsAssessedIndividually));
            person.InheritGroupAssessment();
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var reloaded = await read.StakeholderPeople.SingleAsync(p => p.Id == personId);
        Assert.Equal(("ana.ruiz@example.com", false), (reloaded.Email, reloaded.IsAssessedIndividually));
        Assert.Null(reloaded.Own);
        Assert.Equal(1, await read.StakeholderAssessments.CountAsync(r => r.PersonId == personId));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_database_refuses_the_same_email_twice_in_a_program_but_allows_it_in_another(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programA, groupA) = await SeedGroupAsync(db);
        var (programB, groupB) = await SeedGroupAsync(db);
        await using (var context = db.CreateContext())
        {
            context.StakeholderPeople.Add(StakeholderPerson.Create(programA, groupA, "Ana Ruiz", "", "ana@example.com", "").Value);
            context.StakeholderPeople.Add(StakeholderPerson.Create(programB, groupB, "Ana Ruiz", "", "ana@example.com", "").Value);
            await context.SaveChangesAsync();
        }

        await using var again = db.CreateContext();
        again.StakeholderPeople.Add(StakeholderPerson.Create(programA, groupA, "Another Ana", "", "ANA@example.com", "").Value);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.True(refused.IsUniqueKeyViolation());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_history_row_names_exactly_one_subject(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, groupId) = await SeedGroupAsync(db);
        await using var context = db.CreateContext();

        var sql = $"UPDATE \"StakeholderAssessments\" SET \"PersonId\" = NULL, \"GroupId\" = NULL WHERE \"GroupId\" = {groupId}";
        var group = await context.StakeholderGroups.SingleAsync(g => g.Id == groupId);
        group.Assess(Assess(SupportLevel.Neutral, null, Now));
        await context.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync(sql));
    }

    internal static Assessment Assess(SupportLevel support, ResistanceType? type, DateTimeOffset at, bool earlyAdopter = false) =>
        Assessment.Create(new AssessmentInput(5, 4, support, SupportLevel.Supportive, type, GainLossTags.Visibility,
            "Sees commitments", GainLossTags.Ownership | GainLossTags.Autonomy, "Loses sole control", earlyAdopter, "Workshop 1"), "u-change", "Chen Li", at).Value;

    private static async Task<(int ProgramId, int GroupId)> SeedGroupAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        var program = new ProgramBuilder().Build();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        var group = StakeholderGroup.Create(program.Id, "Financial analysts", "AP and GL analysts").Value;
        context.StakeholderGroups.Add(group);
        await context.SaveChangesAsync();
        return (program.Id, group.Id);
    }
}
