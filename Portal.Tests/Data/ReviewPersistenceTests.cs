using Microsoft.EntityFrameworkCore;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// A baseline and a signed review with findings and an action survive a round trip; one review per program and day; a
/// signature with a review as its subject still has exactly one subject.
/// </summary>
public sealed class ReviewPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory, SqliteData, PostgresData]
    public async Task A_signed_review_round_trips_with_measures_findings_actions_and_signatures(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, pmoId, sponsorId) = await SaveProgramAsync(db);
        var reviewId = await SaveSignedReviewAsync(db, programId, pmoId, sponsorId);
        await using (var context = db.CreateContext())
        {
            context.AdoptionBaselines.Add(AdoptionBaseline.Capture(programId, new BaselineDraft(140, 96.5m, 85m, "Time sheets"), null, Today, null, Now).Value);
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var review = await read.AdoptionReviews.SingleAsync(r => r.Id == reviewId);
        var baseline = await read.AdoptionBaselines.SingleAsync(b => b.ProgramId == programId);

        Assert.Equal(new ReviewMeasures(98, 140, 72.5m, 60.25m, 5, 6), review.Measures);
        Assert.Equal(["Finance still opens the workbook", "PMs use the PPM report"], review.Findings);
        Assert.Equal(ReviewStatus.Completed, review.StatusOn(Today)); // signatures and actions are auto-included
        Assert.Equal("Capital Projects PMs", Assert.Single(review.Actions).Team);
        Assert.All(review.SignOffs, s => Assert.Equal((reviewId, null as int?, null as int?), (s.AdoptionReviewId!.Value, s.LegacyWorkaroundId, s.MilestoneId)));
        Assert.Equal((140, 96.5m, 85m), (baseline.TargetUsers, baseline.ReconciliationHoursPerMonth, baseline.TargetSharePercent));
        Assert.Equal(1, await read.AdoptionReviews.CountAsync(r => r.DueDate < Today.AddDays(1) && r.ProgramId == programId)); // dates compare in SQL
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_program_has_one_review_per_day(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, _, _) = await SaveProgramAsync(db);
        await using var first = db.CreateContext();
        first.AdoptionReviews.AddRange(ReviewSchedule.Reconcile(programId, Today, [], Now).Added);
        await first.SaveChangesAsync();
        await using var second = db.CreateContext();
        second.AdoptionReviews.AddRange(ReviewSchedule.Reconcile(programId, Today, [], Now).Added); // a racing run that did not see the first

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(failure.IsUniqueKeyViolation());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_review_signature_still_belongs_to_exactly_one_subject(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (programId, pmoId, sponsorId) = await SaveProgramAsync(db, withPlan: true);
        var reviewId = await SaveSignedReviewAsync(db, programId, pmoId, sponsorId);
        await using var context = db.CreateContext();
        var signatureId = await context.SignOffs.Where(s => s.AdoptionReviewId == reviewId).Select(s => s.Id).FirstAsync();
        var milestoneId = await context.Milestones.Where(m => context.Phases.Any(p => p.Id == m.PhaseId && p.ProgramId == programId)).Select(m => m.Id).FirstAsync();

        var none = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AdoptionReviewId, (int?)null)));
        var two = await Assert.ThrowsAnyAsync<Exception>(() => context.SignOffs.Where(s => s.Id == signatureId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.MilestoneId, milestoneId)));

        Assert.Contains("CK_SignOffs_OneSubject", none.Message);
        Assert.Contains("CK_SignOffs_OneSubject", two.Message);
    }

    private static async Task<int> SaveSignedReviewAsync(TestDatabase db, int programId, string pmoId, string sponsorId)
    {
        await using var context = db.CreateContext();
        var program = await context.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == programId);
        var review = ReviewSchedule.Reconcile(programId, Today.AddDays(-30), [], Now.AddDays(-30)).Added.Single(r => r.Day == 30);
        context.AdoptionReviews.Add(review);
        await context.SaveChangesAsync();
        Assert.True(review.RecordMeasures(new ReviewMeasures(98, 140, 72.5m, 60.25m, 5, 6), Now).Succeeded);
        review.SetFindings(["Finance still opens the workbook", "PMs use the PPM report"], Now);
        Assert.True(review.AddAction(program, new ActionDraft("Capital Projects PMs", "Floor-walker at month end", pmoId, Today.AddDays(7)), Today, Now).Succeeded);
        foreach (var signer in new[] { new Signer(pmoId, "Priya Natarajan", [nameof(ProgramRole.PmoLead)]), new Signer(sponsorId, "Daniel Okafor", [nameof(ProgramRole.ExecutiveSponsor)]) })
            Assert.True(review.Sign(signer, SignOffMeaning.Approved, null, review.ContentHash(), Now).Succeeded);
        await context.SaveChangesAsync();
        return review.Id;
    }

    private static async Task<(int ProgramId, string PmoId, string SponsorId)> SaveProgramAsync(TestDatabase db, bool withPlan = false)
    {
        var pmo = new UserBuilder().Named("Priya Natarajan").Build();
        var sponsor = new UserBuilder().Named("Daniel Okafor").Build();
        await using var context = db.CreateContext();
        context.Users.AddRange(pmo, sponsor);
        await context.SaveChangesAsync();
        var program = new ProgramBuilder().WithMember(pmo.Id, ProgramRole.PmoLead).WithMember(sponsor.Id, ProgramRole.ExecutiveSponsor).Build();
        if (withPlan)
            program.AdoptPlan(ProgramTemplate.Default.Instantiate(CriterionEvaluators.Default));
        context.Programs.Add(program);
        await context.SaveChangesAsync();
        return (program.Id, pmo.Id, sponsor.Id);
    }
}
