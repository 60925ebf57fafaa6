using Portal.Core.Decommissioning;
using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.Decommissioning;

/// <summary>Status derived from date, evidence and the owner's sign-off on a given day; slips; who may sign.</summary>
public sealed class LegacyWorkaroundTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Signer Mara = new("u-owner", "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]);
    private const string Evidence = "Workbook archived read-only; edit access removed for all 14 analysts.";

    private static PortalProgram Program() => new ProgramBuilder()
        .WithMember("u-pmo", ProgramRole.PmoLead).WithMember("u-owner", ProgramRole.ProcessOwner).WithMember("u-change", ProgramRole.ChangeLead).Build();

    private static WorkaroundDraft Draft(DateOnly? date, string name = "Monthly reconciliation workbook", string owner = "u-owner") =>
        new(name, "Month-end close", owner, "Reconciliation engine", date);

    private static LegacyWorkaround Registered(DateOnly? date, DateTimeOffset? at = null) =>
        LegacyWorkaround.Register(Program(), Draft(date), [], at ?? Now.AddDays(-60)).Value;

    private static LegacyWorkaround Decommissioned(DateOnly date)
    {
        var w = Registered(date);
        w.RecordEvidence(Evidence, Now.AddDays(-2));
        Assert.True(w.Sign(Mara, SignOffMeaning.Approved, null, w.ContentHash(), Now.AddDays(-2)).Succeeded);
        return w;
    }

    [Fact]
    public void Without_a_date_a_workaround_is_active_and_never_overdue()
    {
        var w = Registered(null);
        Assert.Equal(WorkaroundStatus.Active, w.StatusOn(Today));
        Assert.Equal(WorkaroundStatus.Active, w.StatusOn(Today.AddYears(5)));
    }

    [Fact]
    public void Due_today_is_still_scheduled_and_passed_yesterday_is_overdue()
    {
        Assert.Equal(WorkaroundStatus.Scheduled, Registered(Today).StatusOn(Today));
        var yesterday = Registered(Today.AddDays(-1));
        Assert.Equal(WorkaroundStatus.Overdue, yesterday.StatusOn(Today));
        Assert.Equal(1, yesterday.DaysOverdue(Today));
        Assert.Equal(0, Registered(Today).DaysOverdue(Today));
    }

    [Fact]
    public void Evidence_alone_does_not_decommission_the_owners_signature_on_it_does_even_after_the_date()
    {
        var w = Registered(Today.AddDays(-5));
        w.RecordEvidence(Evidence, Now);
        Assert.Equal(WorkaroundStatus.Overdue, w.StatusOn(Today));

        Assert.True(w.Sign(Mara, SignOffMeaning.Approved, "Checked the archive", w.ContentHash(), Now).Succeeded);

        Assert.Equal(WorkaroundStatus.Decommissioned, w.StatusOn(Today));
        Assert.Equal(0, w.DaysOverdue(Today));
    }

    [Fact]
    public void Changing_the_evidence_makes_the_signature_stale_and_the_workaround_overdue_again()
    {
        var w = Decommissioned(Today.AddDays(-1));

        Assert.True(w.RecordEvidence(Evidence + " Macro disabled.", Now).Value);

        Assert.Equal(WorkaroundStatus.Overdue, w.StatusOn(Today));
        Assert.True(Assert.Single(w.SignOffs).IsStaleFor(w.ContentHash()));
        Assert.False(w.RecordEvidence(" " + w.Evidence + " ", Now).Value); // same words: nothing changes
    }

    [Fact]
    public void Only_the_owner_signs_and_only_evidence_they_were_shown()
    {
        var w = Registered(Today);
        var pmo = new Signer("u-pmo", "Priya", [nameof(ProgramRole.PmoLead)]);
        Assert.Equal("Record the evidence of shutdown before signing.", w.Sign(Mara, SignOffMeaning.Approved, null, w.ContentHash(), Now).Errors[0].Message);
        var shown = w.ContentHash();
        w.RecordEvidence(Evidence, Now);

        Assert.Equal("Only the owner of this workaround can sign its decommissioning.", w.Sign(pmo, SignOffMeaning.Approved, null, w.ContentHash(), Now).Errors[0].Message);
        Assert.StartsWith("The workaround changed since you opened it", w.Sign(Mara, SignOffMeaning.Approved, null, shown, Now).Errors[0].Message);
        Assert.True(w.Sign(Mara, SignOffMeaning.Approved, null, w.ContentHash(), Now).Succeeded);
        Assert.Equal("You have already signed this evidence as it stands.", w.Sign(Mara, SignOffMeaning.Approved, null, w.ContentHash(), Now).Errors[0].Message);
    }

    [Fact]
    public void Setting_the_first_date_is_not_a_slip_and_every_later_move_needs_a_reason_and_counts()
    {
        var w = Registered(null);
        var set = w.MoveDate(Today.AddDays(30), null, Now);
        Assert.Equal((false, 0), (set.Value.CountsAsSlip, w.Slips));

        var noReason = w.MoveDate(Today.AddDays(60), "  ", Now);
        Assert.Equal("Reason", noReason.Errors.Single().Field);
        Assert.Equal(Today.AddDays(30), w.DecommissionDate);

        Assert.True(w.MoveDate(Today.AddDays(60), "Quarter-end close", Now).Succeeded);
        Assert.True(w.MoveDate(Today.AddDays(45), "Finance ready earlier", Now).Succeeded); // earlier counts too: every move
        Assert.Equal(2, w.Slips);
    }

    [Fact]
    public void A_date_cannot_move_into_the_past_or_stay_where_it_is()
    {
        var w = Registered(Today.AddDays(10));
        Assert.Equal("The decommission date cannot be in the past.", w.MoveDate(Today.AddDays(-1), "late", Now).Errors[0].Message);
        Assert.Equal("That is the current decommission date; choose another one.", w.MoveDate(Today.AddDays(10), "same", Now).Errors[0].Message);
        Assert.True(w.MoveDate(Today, "today is allowed", Now).Succeeded);
        Assert.Equal("DecommissionDate", LegacyWorkaround.Register(Program(), Draft(Today.AddDays(-1)), [], Now).Errors.Single().Field);
    }

    [Fact]
    public void Moving_an_overdue_workaround_makes_it_scheduled_with_a_new_overdue_key_and_a_slip()
    {
        var w = Registered(Today.AddDays(-3));
        var before = w.OverdueKey;
        Assert.Equal(WorkaroundStatus.Overdue, w.StatusOn(Today));

        Assert.True(w.MoveDate(Today.AddDays(14), "Archive migration slipped", Now).Succeeded);

        Assert.Equal((WorkaroundStatus.Scheduled, 1), (w.StatusOn(Today), w.Slips));
        Assert.NotEqual(before, w.OverdueKey);
        Assert.Equal(WorkaroundStatus.Overdue, w.StatusOn(Today.AddDays(15)));
    }

    [Fact]
    public void The_owner_must_be_a_member_and_names_are_unique_within_the_program()
    {
        var program = Program();
        var first = LegacyWorkaround.Register(program, Draft(null), [], Now).Value;
        var twice = LegacyWorkaround.Register(program, Draft(null, "monthly RECONCILIATION workbook", "u-stranger"), [first], Now);
        Assert.Equal(["Name", "OwnerUserId"], twice.Errors.Select(e => e.Field));
        var empty = LegacyWorkaround.Register(program, new WorkaroundDraft(" ", null, null, null, null), [], Now);
        Assert.Equal(["Name", "ProcessArea", "OwnerUserId", "ReplacedBy"], empty.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Renaming_a_decommissioned_workaround_makes_the_owners_signature_stale_but_a_new_process_area_does_not()
    {
        var program = Program();
        var w = LegacyWorkaround.Register(program, Draft(Today), [], Now.AddDays(-5)).Value;
        w.RecordEvidence(Evidence, Now);
        w.Sign(Mara, SignOffMeaning.Approved, null, w.ContentHash(), Now);

        Assert.True(w.Edit(program, Draft(Today) with { ProcessArea = "Close and consolidation" }, [w], Now).Value);
        Assert.True(w.IsDecommissioned);
        Assert.True(w.Edit(program, Draft(Today, "Reconciliation workbook v2"), [w], Now).Value);
        Assert.False(w.IsDecommissioned);
    }
}
