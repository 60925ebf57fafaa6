using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class ProgramPersistenceTests
{
    private static async Task<(PortalUser Lead, PortalUser Viewer)> AddUsersAsync(TestDatabase db)
    {
        var lead = new UserBuilder().Named("Pat Lead").Build();
        var viewer = new UserBuilder().Named("Vic Viewer").Build();
        await using var context = db.CreateContext();
        context.Users.AddRange(lead, viewer);
        await context.SaveChangesAsync();
        return (lead, viewer);
    }

    private static async Task<int> SaveAsync(TestDatabase db, PortalProgram program)
    {
        await using var context = db.CreateContext();
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        return program.Id;
    }

    private static async Task<PortalProgram> LoadAsync(TestDatabase db, int id)
    {
        await using var context = db.CreateContext();
        return await context.Programs.Include(p => p.Members).SingleAsync(p => p.Id == id);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_program_round_trips_with_systems_dates_and_members(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (lead, viewer) = await AddUsersAsync(db);
        var created = new DateTimeOffset(2026, 1, 5, 9, 15, 30, TimeSpan.Zero);
        var id = await SaveAsync(db, new ProgramBuilder().Named("Unified Finance").WithDescription("One set of numbers.")
            .WithSystems("PPM", "ERP", "SAP S/4HANA").GoingLiveOn(new DateOnly(2026, 12, 31)).CreatedAt(created)
            .WithMember(lead.Id, ProgramRole.PmoLead).WithMember(viewer.Id, ProgramRole.Viewer).Build());

        var loaded = await LoadAsync(db, id);

        Assert.Equal(("Unified Finance", "One set of numbers."), (loaded.Name, loaded.Description));
        Assert.Equal(["PPM", "ERP", "SAP S/4HANA"], loaded.Systems);
        Assert.Equal(new DateOnly(2026, 12, 31), loaded.PlannedGoLive);
        Assert.Null(loaded.ActualGoLive);
        Assert.Equal(created, loaded.CreatedUtc);
        Assert.Equal(TimeSpan.Zero, loaded.CreatedUtc.Offset);
        Assert.Equal(
            [(lead.Id, ProgramRole.PmoLead, created), (viewer.Id, ProgramRole.Viewer, created)],
            loaded.Members.OrderBy(m => m.Role).Select(m => (m.UserId, m.Role, m.AddedUtc)));
        Assert.All(loaded.Members, m => Assert.Equal(id, m.ProgramId));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_program_without_systems_or_planned_go_live_round_trips_as_empty_and_null(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await SaveAsync(db, new ProgramBuilder().WithSystems().GoingLiveOn(null).Build());

        var loaded = await LoadAsync(db, id);

        Assert.Empty(loaded.Systems);
        Assert.Null(loaded.PlannedGoLive);
        Assert.Empty(loaded.Members);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_largest_allowed_systems_list_fits_its_column(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var systems = Enumerable.Range(10, SystemKinds.MaxSystems).Select(i => i + new string('s', SystemKinds.MaxNameLength - 2)).ToArray();
        var id = await SaveAsync(db, new ProgramBuilder().WithSystems(systems).Build());

        Assert.Equal(systems, (await LoadAsync(db, id)).Systems);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Changed_details_membership_roles_and_removals_are_saved(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (lead, viewer) = await AddUsersAsync(db);
        var id = await SaveAsync(db, new ProgramBuilder().WithMember(lead.Id, ProgramRole.PmoLead).WithMember(viewer.Id, ProgramRole.Viewer).Build());

        await using (var context = db.CreateContext())
        {
            var program = await context.Programs.Include(p => p.Members).SingleAsync(p => p.Id == id);
            Assert.True(program.UpdateDetails("Renamed", "New text", ["CRM"], new DateOnly(2027, 3, 1)).Succeeded);
            Assert.True(program.SetMember(viewer.Id, ProgramRole.PmoLead, ProgramBuilder.DefaultCreatedUtc).Succeeded);
            Assert.True(program.RemoveMember(lead.Id).Succeeded);
            await context.SaveChangesAsync();
        }

        var loaded = await LoadAsync(db, id);
        Assert.Equal(("Renamed", "New text", new DateOnly(2027, 3, 1)), (loaded.Name, loaded.Description, loaded.PlannedGoLive));
        Assert.Equal(["CRM"], loaded.Systems);
        var member = Assert.Single(loaded.Members);
        Assert.Equal((viewer.Id, ProgramRole.PmoLead), (member.UserId, member.Role));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_database_refuses_a_second_program_with_the_same_name(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SaveAsync(db, new ProgramBuilder().Named("Unified Finance").Build());

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(db, new ProgramBuilder().Named("Unified Finance").Build()));

        await using var context = db.CreateContext();
        Assert.Equal(1, await context.Programs.CountAsync(p => p.Name == "Unified Finance"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_a_program_deletes_its_memberships(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (lead, _) = await AddUsersAsync(db);
        var id = await SaveAsync(db, new ProgramBuilder().WithMember(lead.Id, ProgramRole.PmoLead).Build());

        await using (var context = db.CreateContext())
            await context.Programs.Where(p => p.Id == id).ExecuteDeleteAsync();

        await using var check = db.CreateContext();
        Assert.Equal(0, await check.ProgramMembers.CountAsync(m => m.ProgramId == id));
        Assert.Equal(1, await check.Users.CountAsync(u => u.Id == lead.Id));
    }
}
