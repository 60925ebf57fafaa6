using Portal.Web.Features.Notifications;
using Quartz;

namespace Portal.Web.Jobs;

/// <summary>Every minute: sends due emails from the outbox (nothing when SMTP is not configured); failures wait for their retry time.</summary>
[DisallowConcurrentExecution]
public sealed class EmailOutboxJob(EmailOutboxService outbox, Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp) : IJob
{
    public static readonly JobKey Key = new("email-outbox", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!smtp.Value.IsEnabled)
        {
            context.Result = "Email is off (Portal:Smtp:Host not set).";
            return;
        }
        var run = await outbox.SendDueAsync(cancellationToken);
        context.Result = $"{run.Sent} sent, {run.Failed} to retry, {run.GaveUp} given up.";
    }
}
