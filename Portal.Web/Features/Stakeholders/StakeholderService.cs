using Microsoft.EntityFrameworkCore;
using Portal.Core.Programs;
using Portal.Core.Stakeholders;
using Portal.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Milestones;

namespace Portal.Web.Features.Stakeholders;

/// <summary>
/// Reads of the stakeholder map: the map itself (grid, hotspots, gaps), the paged people list, and support
/// history. Members only; a non-member gets null, exactly as for a program that does not exist.
/// </summary>
public sealed class StakeholderService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<StakeholderMapView?> GetMapAsync(int programId, StakeholderFilter filter, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await MilestoneViews.VisibleProgramAsync(db, programId, user, ct);
        if (program is null)
            return null;
        var snapshot = await StakeholderMapQuery.LoadAsync(db, [programId], ct);
        var entries = StakeholderMapQuery.Entries(snapshot, filter);
        var totals = snapshot.Counts.GroupBy(c => c.GroupId).ToDictionary(g => g.Key, g => (All: g.Sum(c => c.Count), Own: g.Where(c => c.Individually).Sum(c => c.Count)));
        var inArea = filter.ProcessArea is null ? null : snapshot.Counts.Where(c => c.ProcessArea == filter.ProcessArea).Select(c => c.GroupId).ToHashSet();
        var groups = snapshot.Groups
            .Where(g => inArea is null || inArea.Contains(g.Id))
            .Where(g => filter.ResistanceType is null || g.Current?.ResistanceType == filter.ResistanceType)
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupRow(g.Id, g.Name, g.Description, totals.GetValueOrDefault(g.Id).All, totals.GetValueOrDefault(g.Id).Own, g.Current, g.Version))
            .ToList();
        return new StakeholderMapView(programId, program.Name, ProgramAccess.CanEditChangeWork(program, user.Id, user.IsAdministrator), filter,
            snapshot.Counts.Select(c => c.ProcessArea).Where(a => a.Length > 0).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList(),
            entries, StakeholderRules.RankHotspots(entries), groups,
            snapshot.Counts.Sum(c => c.Count), StakeholderMapQuery.EarlyAdopters(snapshot), StakeholderMapQuery.Completeness(snapshot));
    }

    /// <summary>One page of people, ordered by group then name, with the assessment that counts for each.</summary>
    public async Task<PeoplePage?> GetPeopleAsync(int programId, StakeholderFilter filter, string? search, int skip, int take, CurrentUser user,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var query =
            from p in db.StakeholderPeople.AsNoTracking()
            join g in db.StakeholderGroups.AsNoTracking() on p.GroupId equals g.Id
            where p.ProgramId == programId
            select new
            {
                p.Id, p.Name, p.Title, p.Email, p.GroupId, GroupName = g.Name, p.ProcessArea, p.IsAssessedIndividually, p.Version,
                Influence = p.IsAssessedIndividually ? (int?)p.Own!.Influence : (int?)g.Current!.Influence,
                Impact = p.IsAssessedIndividually ? (int?)p.Own!.Impact : (int?)g.Current!.Impact,
                Support = p.IsAssessedIndividually ? (SupportLevel?)p.Own!.CurrentSupport : (SupportLevel?)g.Current!.CurrentSupport,
                Target = p.IsAssessedIndividually ? (SupportLevel?)p.Own!.TargetSupport : (SupportLevel?)g.Current!.TargetSupport,
                Type = p.IsAssessedIndividually ? p.Own!.ResistanceType : g.Current!.ResistanceType,
                Early = p.IsAssessedIndividually ? (bool?)p.Own!.IsEarlyAdopter : (bool?)g.Current!.IsEarlyAdopter,
                At = p.IsAssessedIndividually ? (DateTimeOffset?)p.Own!.AssessedUtc : (DateTimeOffset?)g.Current!.AssessedUtc,
            };
        if (filter.ProcessArea is { } area)
            query = query.Where(p => p.ProcessArea == area);
        if (filter.ResistanceType is { } type)
            query = query.Where(p => p.Type == type);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Email.Contains(term) || p.Title.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.GroupName).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new PeoplePage(rows.Select(p => new PersonRow(p.Id, p.Name, p.Title, p.Email, p.GroupId, p.GroupName, p.ProcessArea, p.IsAssessedIndividually,
            p.Influence is { } influence ? new AssessmentSummary(influence, p.Impact!.Value, p.Support!.Value, p.Target!.Value, p.Type, p.Early!.Value, p.At!.Value) : null,
            p.Version)).ToList(), total);
    }

    /// <summary>Support over time for a group or a person (with their group's, which applies while they inherit).</summary>
    public async Task<StakeholderHistory?> GetHistoryAsync(int programId, StakeholderKind kind, int id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        if (kind == StakeholderKind.Group)
        {
            var name = await db.StakeholderGroups.Where(g => g.Id == id && g.ProgramId == programId).Select(g => g.Name).FirstOrDefaultAsync(ct);
            return name is null ? null : new StakeholderHistory(kind, id, name, null, await PointsAsync(db, id, null, ct), []);
        }
        var person = await (from p in db.StakeholderPeople
                            join g in db.StakeholderGroups on p.GroupId equals g.Id
                            where p.Id == id && p.ProgramId == programId
                            select new { p.Name, p.GroupId, GroupName = g.Name, p.IsAssessedIndividually }).FirstOrDefaultAsync(ct);
        if (person is null)
            return null;
        return new StakeholderHistory(kind, id, person.Name, person.IsAssessedIndividually ? null : person.GroupName,
            await PointsAsync(db, null, id, ct), await PointsAsync(db, person.GroupId, null, ct));
    }

    /// <summary>What the assessment dialog starts from; a person who inherits starts from their group's assessment.</summary>
    public async Task<AssessmentStart?> GetAssessmentStartAsync(int programId, StakeholderKind kind, int id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        if (kind == StakeholderKind.Group)
        {
            var group = await db.StakeholderGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.ProgramId == programId, ct);
            return group is null ? null : new AssessmentStart(kind, id, group.Name, group.Current?.ToInput(), false, group.Version);
        }
        var person = await db.StakeholderPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ProgramId == programId, ct);
        if (person is null)
            return null;
        if (person.Own is not null)
            return new AssessmentStart(kind, id, person.Name, person.Own.ToInput(), false, person.Version);
        var groupCurrent = await db.StakeholderGroups.AsNoTracking().Where(g => g.Id == person.GroupId).Select(g => g.Current).FirstOrDefaultAsync(ct);
        return new AssessmentStart(kind, id, person.Name, groupCurrent?.ToInput(), true, person.Version);
    }

    /// <summary>The program's groups for pickers (id and name), alphabetical.</summary>
    public async Task<IReadOnlyList<GroupOption>?> GroupOptionsAsync(int programId, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await MilestoneViews.VisibleProgramAsync(db, programId, user, ct) is null)
            return null;
        var groups = await db.StakeholderGroups.Where(g => g.ProgramId == programId).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        return groups.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Select(g => new GroupOption(g.Id, g.Name)).ToList();
    }

    private static async Task<IReadOnlyList<HistoryPoint>> PointsAsync(PortalDbContext db, int? groupId, int? personId, CancellationToken ct)
    {
        var query = db.StakeholderAssessments.AsNoTracking();
        query = groupId is { } g ? query.Where(r => r.GroupId == g) : query.Where(r => r.PersonId == personId);
        var rows = await query.OrderBy(r => r.Assessment.AssessedUtc).ThenBy(r => r.Id)
            .Select(r => new HistoryPoint(r.Assessment.AssessedUtc, r.Assessment.AssessedByName, r.Assessment.Influence, r.Assessment.Impact,
                r.Assessment.CurrentSupport, r.Assessment.TargetSupport, r.Assessment.ResistanceType, r.Assessment.Notes))
            .ToListAsync(ct);
        return rows;
    }
}
