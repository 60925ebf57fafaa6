using Portal.Core.Common;
using Portal.Core.Programs;

namespace Portal.Core.Milestones;

public sealed partial record ProgramTemplate
{
    /// <summary>
    /// Captures a program's current plan as a template: phases, milestones, pairings and criteria with their sign-off
    /// requirements and evaluator parameters. The work is left behind: evidence, sign-offs, statuses, completion and
    /// closing dates belong to the program, not to the plan (ADR-010).
    /// </summary>
    /// <param name="memberRoles">
    /// The source program's members and their roles. A sign-off required from a named person becomes a requirement
    /// for the role that person holds in the program, since a template serves programs with other people; a named
    /// person who is no longer a member leaves no requirement behind.
    /// </param>
    public static Result<ProgramTemplate> FromPlan(string? name, string? description, IEnumerable<Phase> plan,
        IReadOnlyDictionary<string, ProgramRole> memberRoles)
    {
        var errors = Validate(name, description);
        var phases = plan.OrderBy(p => p.Order).ToList();
        if (phases.Count == 0)
            errors.Add("", "This program has no phases to save as a template.");
        if (errors.Any)
            return Result<ProgramTemplate>.Failure(errors.ToList());

        // Technical before change, then creation order: the order the phase timeline shows them in.
        var ordered = phases.Select(p => p.Milestones.OrderBy(m => m.Kind).ThenBy(m => m.Id).ToList()).ToList();
        var templatePhases = phases.Select((phase, i) => new TemplatePhase(phase.Name,
            ordered[i].Select(m => new TemplateMilestone(m.Kind, m.Name, m.Description,
                m.Criteria.OrderBy(c => c.Id).Select(c => Capture(c, memberRoles)).ToList(),
                m.PairedWith.Select(p => Locate(ordered, p)).OfType<MilestoneRef>().Distinct().ToList(),
                m.SignOffRequirements.Count == 0 ? null : ByRole(m.SignOffRequirements, memberRoles))).ToList())).ToList();
        return Result<ProgramTemplate>.Success(new ProgramTemplate(name!.Trim(), description?.Trim() ?? "", templatePhases));
    }

    // Paired milestones may be other instances than the phase's own (a no-tracking load), so saved ones match by id too.
    private static MilestoneRef? Locate(List<List<Milestone>> ordered, Milestone target)
    {
        for (var phase = 0; phase < ordered.Count; phase++)
            for (var index = 0; index < ordered[phase].Count; index++)
                if (ReferenceEquals(ordered[phase][index], target) || (target.Id != 0 && ordered[phase][index].Id == target.Id))
                    return new MilestoneRef(phase, index);
        return null; // not part of this plan: nothing a new program could pair with
    }

    private static TemplateCriterion Capture(Criterion criterion, IReadOnlyDictionary<string, ProgramRole> memberRoles)
    {
        if (criterion.Kind == CriterionKind.Computed)
            return new TemplateCriterion(criterion.Title, [], criterion.EvaluatorKey,
                new Dictionary<string, string>(criterion.Parameters, StringComparer.Ordinal), criterion.Description);

        return new TemplateCriterion(criterion.Title, ByRole(criterion.Requirements, memberRoles), Description: criterion.Description);
    }

    /// <summary>Role requirements as they are; a named person's becomes one for the role they hold (unless already required).</summary>
    private static List<TemplateSignOff> ByRole(IEnumerable<SignOffRequirement> requirements, IReadOnlyDictionary<string, ProgramRole> memberRoles)
    {
        var list = requirements.ToList();
        var signOffs = list.Where(r => r.Role is not null).Select(r => new TemplateSignOff(r.Role!, r.Label)).ToList();
        foreach (var named in list.Where(r => r.UserId is not null))
            if (memberRoles.TryGetValue(named.UserId!, out var role) && signOffs.All(s => s.Role != role.ToString()))
                signOffs.Add(new TemplateSignOff(role.ToString(), role.DisplayName()));
        return signOffs;
    }
}
