using Portal.Core.Milestones;
using Portal.Core.Programs;
using Portal.Core.SystemOfRecord;
using Portal.Tests.Builders;

namespace Portal.Tests.Core.SystemOfRecord;

/// <summary>The register's rules: who may be decision owner, unique domains, status derived from the owner's current signature.</summary>
public sealed class SystemOfRecordEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Signer Mara = new("u-owner", "Mara Lindqvist", [nameof(ProgramRole.ProcessOwner)]);
    private static readonly Signer Lars = new("u-owner2", "Lars Berg", [nameof(ProgramRole.ProcessOwner)]);
    private const string Escalation = "Finance process owner decides within 2 working days; unresolved -> steering committee";

    private static PortalProgram Program() => new ProgramBuilder()
        .WithMember("u-pmo", ProgramRole.PmoLead).WithMember("u-owner", ProgramRole.ProcessOwner)
        .WithMember("u-owner2", ProgramRole.ProcessOwner).WithMember("u-change", ProgramRole.ChangeLead).Build();

    private static SystemOfRecordDraft Draft(string domain = "invoices", string system = "ERP", string owner = "u-owner", string escalation = Escalation,
        string? notes = null) => new(domain, system, owner, escalation, notes);

    private static SystemOfRecordEntry Proposed(PortalProgram program, List<SystemOfRecordEntry>? register = null, SystemOfRecordDraft? draft = null)
    {
        var entry = SystemOfRecordEntry.Propose(program, draft ?? Draft(), register ?? [], Now).Value;
        register?.Add(entry);
        return entry;
    }

    private static SystemOfRecordEntry Agreed(PortalProgram program, List<SystemOfRecordEntry> register)
    {
        var entry = Proposed(program, register);
        Assert.True(entry.Sign(Mara, SignOffMeaning.Approved, "Agreed in the workshop", entry.ContentHash(), Now).Succeeded);
        return entry;
    }

    [Fact]
    public void A_new_entry_is_proposed_and_the_decision_owners_signature_makes_it_agreed()
    {
        var entry = Proposed(Program());
        Assert.Equal(SystemOfRecordStatus.Proposed, entry.Status);
        Assert.Null(entry.Agreement);

        var signed = entry.Sign(Mara, SignOffMeaning.Approved, "  Agreed in the workshop  ", entry.ContentHash(), Now.ToOffset(TimeSpan.FromHours(2)));

        Assert.True(signed.Succeeded);
        Assert.Equal(SystemOfRecordStatus.Agreed, entry.Status);
        var signature = Assert.Single(entry.SignOffs);
        Assert.Same(signature, entry.Agreement);
        Assert.Equal(("Mara Lindqvist", "Agreed in the workshop", entry.ContentHash(), TimeSpan.Zero),
            (signature.PrintedName, signature.Comment, signature.ContentHash, signature.SignedUtc.Offset));
    }

    [Fact]
    public void Only_the_decision_owner_signs_and_only_the_content_they_were_shown()
    {
        var entry = Proposed(Program());
        var version = entry.Version;

        var someoneElse = entry.Sign(Lars, SignOffMeaning.Approved, null, entry.ContentHash(), Now);
        var outdated = entry.Sign(Mara, SignOffMeaning.Approved, null, SystemOfRecordEntry.ContentHashOf("invoices", "PPM", "u-owner", Escalation), Now);

        Assert.Equal("Only the decision owner of this entry can agree it.", someoneElse.Errors[0].Message);
        Assert.Contains("changed since you opened it", outdated.Errors[0].Message);
        Assert.Empty(entry.SignOffs);
        Assert.Equal(version, entry.Version);
    }

    [Fact]
    public void Signing_an_entry_that_is_already_agreed_is_refused_and_a_signature_changes_the_version()
    {
        var register = new List<SystemOfRecordEntry>();
        var entry = Proposed(Program(), register);
        var before = entry.Version;
        entry.Sign(Mara, SignOffMeaning.Approved, null, entry.ContentHash(), Now);
        Assert.NotEqual(before, entry.Version); // an edit prepared before the signature must not silently undo it

        var again = entry.Sign(Mara, SignOffMeaning.Reviewed, null, entry.ContentHash(), Now);

        Assert.False(again.Succeeded);
        Assert.Single(entry.SignOffs);
    }

    [Fact]
    public void Editing_a_signed_field_of_an_agreed_entry_makes_it_proposed_and_leaves_the_signature_stale()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var entry = Agreed(program, register);
        var changed = Draft(escalation: "Finance process owner decides within 1 working day; unresolved -> CFO");
        Assert.True(entry.WouldReopen(changed));

        var edit = entry.Edit(program, changed, register, Now.AddDays(1));

        Assert.Equal(new SystemOfRecordEdit(true, true), edit.Value);
        Assert.Equal(SystemOfRecordStatus.Proposed, entry.Status);
        var stale = Assert.Single(entry.SignOffs);
        Assert.True(stale.IsStaleFor(entry.ContentHash()));
        Assert.Equal(Now.AddDays(1), entry.UpdatedUtc);
    }

    [Theory]
    [InlineData("invoices", "ERP", "u-owner2")]
    [InlineData("invoices", "PPM", "u-owner")]
    [InlineData("supplier invoices", "ERP", "u-owner")]
    public void Each_signed_field_is_part_of_the_agreement(string domain, string system, string owner)
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var entry = Agreed(program, register);

        Assert.True(entry.Edit(program, Draft(domain, system, owner), register, Now).Value.Reopened);
        Assert.Equal(SystemOfRecordStatus.Proposed, entry.Status);
    }

    [Fact]
    public void Notes_and_the_domains_spelling_are_not_signed_so_changing_them_keeps_the_entry_agreed()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var entry = Agreed(program, register);
        var draft = Draft(domain: "  Invoices ", notes: "Supplier invoices only; intercompany invoices stay in the ERP.", escalation: Escalation + "\r\n");
        Assert.False(entry.WouldReopen(draft));

        var edit = entry.Edit(program, draft, register, Now);

        Assert.Equal(new SystemOfRecordEdit(true, false), edit.Value);
        Assert.Equal(SystemOfRecordStatus.Agreed, entry.Status);
        Assert.Equal("Invoices", entry.Domain);
    }

    [Fact]
    public void An_edit_that_changes_nothing_reports_no_change_and_keeps_the_version()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var entry = Agreed(program, register);
        var version = entry.Version;

        Assert.Equal(new SystemOfRecordEdit(false, false), entry.Edit(program, Draft(), register, Now).Value);
        Assert.Equal(version, entry.Version);
    }

    [Fact]
    public void A_new_decision_owner_must_sign_again_and_only_they_can()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var entry = Agreed(program, register);
        entry.Edit(program, Draft(owner: "u-owner2"), register, Now);

        Assert.False(entry.Sign(Mara, SignOffMeaning.Approved, null, entry.ContentHash(), Now).Succeeded);
        Assert.True(entry.Sign(Lars, SignOffMeaning.Approved, null, entry.ContentHash(), Now).Succeeded);
        Assert.Equal("Lars Berg", entry.Agreement!.PrintedName);
    }

    [Fact]
    public void The_decision_owner_must_be_a_process_owner_of_the_program()
    {
        var program = Program();

        var missing = SystemOfRecordEntry.Propose(program, Draft(owner: " "), [], Now);
        var notMember = SystemOfRecordEntry.Propose(program, Draft(owner: "u-stranger"), [], Now);
        var changeLead = SystemOfRecordEntry.Propose(program, Draft(owner: "u-change"), [], Now);

        Assert.Equal(("DecisionOwnerUserId", "Choose the decision owner: a process owner of this program."), (missing.Errors[0].Field, missing.Errors[0].Message));
        Assert.Equal("The decision owner must be a member of this program.", notMember.Errors[0].Message);
        Assert.Equal("The decision owner must be a process owner of this program; this member takes part as Change lead.", changeLead.Errors[0].Message);
    }

    [Fact]
    public void A_domain_appears_once_per_program_whatever_its_case_or_spacing()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        Proposed(program, register, Draft("purchase orders"));
        var other = Proposed(program, register, Draft("rates"));

        var duplicate = SystemOfRecordEntry.Propose(program, Draft("  Purchase   Orders "), register, Now);
        var renamedOntoIt = other.Edit(program, Draft("PURCHASE ORDERS"), register, Now);

        Assert.Equal("Domain", duplicate.Errors.Single().Field);
        Assert.Contains("already has the domain 'purchase orders'", duplicate.Errors[0].Message);
        Assert.Equal("Domain", renamedOntoIt.Errors.Single().Field);
        Assert.Equal("rates", other.Domain);
        Assert.True(other.Edit(program, Draft("Rates"), register, Now).Succeeded); // its own domain is no duplicate
    }

    [Fact]
    public void Every_field_is_checked_at_once_against_the_core_limits()
    {
        var draft = new SystemOfRecordDraft(new string('d', SystemOfRecordEntry.MaxDomainLength + 1), "", "u-owner",
            new string('e', SystemOfRecordEntry.MaxEscalationPathLength + 1), new string('n', SystemOfRecordEntry.MaxNotesLength + 1));

        var result = SystemOfRecordEntry.Propose(Program(), draft, [], Now);

        Assert.Equal(["Domain", "AuthoritativeSystem", "EscalationPath", "Notes"], result.Errors.Select(e => e.Field));
        Assert.Equal($"Data domain must be at most {SystemOfRecordEntry.MaxDomainLength} characters (it has 61).", result.Errors[0].Message);
        Assert.Equal("Authoritative system is required.", result.Errors[1].Message);
    }

    [Fact]
    public void Removing_an_agreed_entry_needs_a_reason_and_a_proposed_one_does_not()
    {
        var program = Program();
        var register = new List<SystemOfRecordEntry>();
        var agreed = Agreed(program, register);
        var proposed = Proposed(program, register, Draft("rates"));

        Assert.Equal("Reason", agreed.CheckRemoval("  ").Errors[0].Field);
        Assert.True(agreed.CheckRemoval("Invoices move to the new AP platform; a new entry follows").Succeeded);
        Assert.True(proposed.CheckRemoval(null).Succeeded);
        Assert.Equal("Reason", proposed.CheckRemoval(new string('r', SystemOfRecordEntry.MaxReasonLength + 1)).Errors[0].Field);
    }

    [Fact]
    public void The_content_hash_is_canonical_and_covers_the_four_signed_fields()
    {
        var hash = SystemOfRecordEntry.ContentHashOf("Purchase  orders", " ERP ", "u-owner", "Decide\r\nwithin 2 days ");

        Assert.Equal(SystemOfRecordEntry.ContentHashOf("purchase orders", "ERP", "u-owner", "Decide\nwithin 2 days"), hash);
        Assert.Equal(64, hash.Length);
        Assert.NotEqual(hash, SystemOfRecordEntry.ContentHashOf("purchase orders", "ERP", "u-owner2", "Decide\nwithin 2 days"));
    }

    [Fact]
    public void Standard_domains_come_first_in_their_own_order_then_custom_ones_alphabetically()
    {
        string[] domains = ["rates", "Supplier master", "projects", "cost centres", "Purchase orders"];

        Assert.Equal(["projects", "Purchase orders", "rates", "cost centres", "Supplier master"], SystemOfRecordDomains.InRegisterOrder(domains, d => d));
        Assert.True(SystemOfRecordDomains.IsStandard(" Purchase  Orders"));
        Assert.False(SystemOfRecordDomains.IsStandard("cost centres"));
    }
}
