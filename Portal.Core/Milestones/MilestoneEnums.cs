namespace Portal.Core.Milestones;

/// <summary>Every phase pairs technical milestones with change milestones (shared/PRODUCT.md, rule 1).</summary>
public enum MilestoneKind
{
    Technical = 1,
    Change = 2,
}

/// <summary>Status a person sets on a technical milestone. A change milestone's state is derived: met when all its criteria hold.</summary>
public enum MilestoneStatus
{
    NotStarted = 0,
    InProgress = 1,
    Blocked = 2,
    Complete = 3,
}

public enum CriterionKind
{
    /// <summary>Evidence (notes, links) plus the sign-offs it requires.</summary>
    Evidence = 1,

    /// <summary>Evaluated from Portal's own data by a named evaluator with parameters.</summary>
    Computed = 2,
}

/// <summary>What a signature means (shared/PRODUCT.md, rule 4).</summary>
public enum SignOffMeaning
{
    Reviewed = 1,
    Approved = 2,
    Responsible = 3,
    Authored = 4,
}
