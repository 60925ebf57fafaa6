namespace Portal.Web.Features.Notifications;

/// <summary>Per circuit: lets a page that marks notifications read tell the bell to recount, without a reload.</summary>
public sealed class NotificationBadge
{
    public event Func<Task>? Changed;

    public Task NotifyChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
