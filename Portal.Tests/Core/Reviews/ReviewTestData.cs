using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.Reviews;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Reviews;

/// <summary>A live program's reviews as the scheduling rules create them, and the people who sign them.</summary>
internal static class ReviewTestData
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Signer Pmo = new("u-pmo", "Priya Natarajan", [nameof(ProgramRole.PmoLead)]);
    public static readonly Signer Sponsor = new("u-sponsor", "Daniel Okafor", [nameof(ProgramRole.ExecutiveSponsor)]);
    public static readonly ReviewMeasures Complete = new(98, 140, 72.5m, 60m, 5, 6);

    public static PortalProgram Program() => new ProgramBuilder()
        .WithMember("u-pmo", ProgramRole.PmoLead).WithMember("u-sponsor", ProgramRole.ExecutiveSponsor).WithMember("u-change", ProgramRole.ChangeLead).Build();

    /// <summary>The three reviews of a program that went live on <paramref name="goLive"/>.</summary>
    public static List<AdoptionReview> Scheduled(DateOnly goLive) => ReviewSchedule.Reconcile(0, goLive, [], Now.AddDays(-40)).Added.ToList();

    public static AdoptionReview Review(int day, DateOnly goLive) => Scheduled(goLive).Single(r => r.Day == day);

    public static AdoptionReview Signed(AdoptionReview review, params Signer[] signers)
    {
        foreach (var signer in signers)
            Assert.True(review.Sign(signer, SignOffMeaning.Approved, null, review.ContentHash(), Now).Succeeded, signer.PrintedName);
        return review;
    }
}
