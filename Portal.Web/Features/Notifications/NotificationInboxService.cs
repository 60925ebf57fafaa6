using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Data;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Notifications;

public sealed record NotificationView(long Id, string Kind, string Title, string Body, string Link, DateTimeOffset CreatedUtc, DateTimeOffset? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}

/// <summary>A person's own notifications: nobody reads or marks anyone else's, administrators included.</summary>
public sealed class NotificationInboxService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<int> UnreadCountAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == user.Id && n.ReadUtc == null, ct);
    }

    /// <summary>Newest first; <paramref name="take"/> of them after <paramref name="skip"/>, with the total for paging.</summary>
    public async Task<(IReadOnlyList<NotificationView> Items, int Total)> ListAsync(CurrentUser user, bool unreadOnly, int skip = 0, int take = PageSize,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == user.Id);
        if (unreadOnly)
            mine = mine.Where(n => n.ReadUtc == null);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedUtc, n.ReadUtc)).ToListAsync(ct);
        return (items, total);
    }

    public async Task MarkReadAsync(long id, CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientUserId == user.Id, ct);
        if (notification?.MarkRead(clock.GetUtcNow()) == true)
            await db.SaveChangesAsync(ct);
    }

    public async Task<int> MarkAllReadAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.RecipientUserId == user.Id && n.ReadUtc == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in unread)
            n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
