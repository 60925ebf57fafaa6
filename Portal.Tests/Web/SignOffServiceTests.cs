using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Milestones;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Tests.Web;

/// <summary>Rule 4 through the service: the password is checked again, failures count toward lockout and are audited; only required signers sign.</summary>
public sealed class SignOffServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private MilestoneWorkService Work => factory.Services.GetRequiredService<MilestoneWorkService>();

    [Fact]
    public async Task A_wrong_password_is_refused_counted_toward_lockout_and_audited()
    {
        var (atlas, criterion) = await PilotOutcomeCriterionAsync();
        var owner = await factory.DemoUserAsync("owner@portal.local");
        await Work.RecordEvidenceAsync(atlas, criterion, "Discount captured on PO 4500-2291", await factory.DemoUserAsync("pmo@portal.local"));

        var result = await Work.SignAsync(atlas, criterion, "wrong-password-123", SignOffMeaning.Approved, null, owner);

        Assert.Equal(("Password", "The password is not correct. Repeated failures lock your account."), (result.Errors[0].Field, result.Errors[0].Message));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Users.Where(u => u.Id == owner.Id).Select(u => u.AccessFailedCount).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SignOffRefused" && a.ActorUserId == owner.Id));
        Assert.False(await db.SignOffs.AnyAsync(s => s.CriterionId == criterion && s.SignerUserId == owner.Id));
    }

    [Fact]
    public async Task The_right_password_signs_with_printed_name_meaning_and_hash_and_is_audited()
    {
        var (atlas, criterion) = await PilotOutcomeCriterionAsync();
        var sponsor = await factory.DemoUserAsync("sponsor@portal.local");
        await Work.RecordEvidenceAsync(atlas, criterion, "Discount captured on PO 4500-2291", await factory.DemoUserAsync("pmo@portal.local"));

        var result = await Work.SignAsync(atlas, criterion, PortalWebFactory.DemoPassword, SignOffMeaning.Reviewed, "Seen the PO", sponsor);

        Assert.True(result.Succeeded);
        await using var db = factory.CreateDbContext();
        var signOff = await db.SignOffs.SingleAsync(s => s.CriterionId == criterion && s.SignerUserId == sponsor.Id);
        Assert.Equal(("Daniel Okafor", SignOffMeaning.Reviewed, "Seen the PO"), (signOff.PrintedName, signOff.Meaning, signOff.Comment));
        Assert.Equal((await db.Criteria.SingleAsync(c => c.Id == criterion)).ContentHash(), signOff.ContentHash);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SignedOff" && a.ActorUserId == sponsor.Id && a.EntityId == criterion.ToString()));
    }

    [Fact]
    public async Task A_member_whose_role_is_not_required_cannot_sign()
    {
        var (atlas, criterion) = await PilotOutcomeCriterionAsync();
        var it = await factory.DemoUserAsync("it@portal.local");

        var result = await Work.SignAsync(atlas, criterion, PortalWebFactory.DemoPassword, SignOffMeaning.Approved, null, it);

        Assert.Equal("Your program role is not among the sign-offs this criterion requires.", result.Errors[0].Message);
    }

    [Fact]
    public async Task A_viewer_cannot_record_evidence()
    {
        var (atlas, criterion) = await PilotOutcomeCriterionAsync();

        var result = await Work.RecordEvidenceAsync(atlas, criterion, "Looks fine to me", await factory.DemoUserAsync("viewer@portal.local"));

        Assert.Equal("Viewers cannot record evidence.", result.Errors[0].Message);
    }

    private async Task<(int Atlas, int Criterion)> PilotOutcomeCriterionAsync()
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();
        var atlas = await db.Programs.Where(p => p.Name.StartsWith("Atlas")).Select(p => p.Id).SingleAsync();
        var criterion = await db.Criteria.Where(c => c.Title.StartsWith("At least one financial outcome")
                && db.Milestones.Any(m => m.Id == c.MilestoneId && db.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == atlas)))
            .Select(c => c.Id).SingleAsync();
        return (atlas, criterion);
    }
}
