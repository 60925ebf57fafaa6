using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Programs;

namespace Portal.Tests.Web;

public sealed class ProgramEditTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private ProgramService Programs => factory.Services.GetRequiredService<ProgramService>();

    [Fact]
    public async Task A_pmo_lead_edits_dates_and_budgets_and_the_change_is_audited_with_old_and_new_values()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var form = (await Programs.GetAsync(atlas, pmo))!.ToForm();
        form.TotalBudget = 2_500_000m;
        form.ChangeBudget = 400_000m;
        form.ActualGoLive = new DateTime(2027, 3, 29);

        var result = await Programs.UpdateAsync(atlas, form, pmo);

        Assert.True(result.Succeeded);
        var after = (await Programs.GetAsync(atlas, pmo))!;
        Assert.Equal((2_500_000m, 400_000m, new DateOnly(2027, 3, 29)), (after.TotalBudget!.Value, after.ChangeBudget!.Value, after.ActualGoLive!.Value));
        await using var db = factory.CreateDbContext();
        var entry = await db.AuditEntries.Where(a => a.ProgramId == atlas && a.Action == "Updated").OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Contains("budget 2400000", entry.OldValues!.Replace(".00", ""));
        Assert.Contains("actual 2027-03-29", entry.NewValues);
    }

    [Fact]
    public async Task A_change_budget_above_the_total_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var (atlas, pmo) = (await factory.ProgramIdAsync("Atlas"), await factory.DemoUserAsync("pmo@portal.local"));
        var form = (await Programs.GetAsync(atlas, pmo))!.ToForm();
        form.TotalBudget = 100_000m;
        form.ChangeBudget = 150_000m;
        form.Name = "Atlas renamed while invalid";

        var result = await Programs.UpdateAsync(atlas, form, pmo);

        Assert.Equal("ChangeBudget", Assert.Single(result.Errors).Field);
        Assert.NotEqual("Atlas renamed while invalid", (await Programs.GetAsync(atlas, pmo))!.Name);
    }

    [Fact]
    public async Task Viewers_cannot_edit_and_names_stay_unique()
    {
        var atlas = await factory.ProgramIdAsync("Atlas");
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");
        var form = (await Programs.GetAsync(atlas, pmo))!.ToForm();

        Assert.False((await Programs.UpdateAsync(atlas, form, viewer)).Succeeded);
        form.Name = "Harbor: PSA and HCM resource sync";
        Assert.Equal("A program with this name already exists.", (await Programs.UpdateAsync(atlas, form, pmo)).Errors[0].Message);
    }
}
