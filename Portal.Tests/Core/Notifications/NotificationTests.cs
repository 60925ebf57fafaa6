using Portal.Core.Notifications;

namespace Portal.Tests.Core.Notifications;

public sealed class NotificationTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static NotificationRequest Request(string key = "decommission-overdue:7:2027-03-01", string recipient = "u-sponsor", string link = "/programs/3/decommissioning") =>
        new(recipient, 3, "decommission-overdue", "Escalated: workbook is overdue", "It was due on 2027-03-01.", link, key);

    [Fact]
    public void The_same_key_for_the_same_recipient_is_a_duplicate_whatever_its_case_and_blanks()
    {
        var existing = new[] { ("u-sponsor", Notification.Create(Request(), Now).Value.DedupeKey) };

        Assert.True(Notification.IsDuplicate(Request(" Decommission-Overdue:7:2027-03-01 "), existing));
        Assert.False(Notification.IsDuplicate(Request(recipient: "u-owner"), existing)); // unique per recipient, not globally
        Assert.False(Notification.IsDuplicate(Request("decommission-overdue:7:2027-03-15"), existing)); // a moved date is a new event
    }

    [Fact]
    public void A_notification_needs_a_recipient_a_title_a_local_link_and_a_dedupe_key()
    {
        var bad = Notification.Create(new NotificationRequest(" ", null, "k", " ", "", "https://evil.example/x", " "), Now);
        Assert.Equal(["RecipientUserId", "Title", "Link", "DedupeKey"], bad.Errors.Select(e => e.Field));
        Assert.Equal("Link", Notification.Create(Request(link: "//evil.example"), Now).Errors.Single().Field);
    }

    [Fact]
    public void Marking_read_twice_keeps_the_first_time()
    {
        var n = Notification.Create(Request(), Now).Value;
        Assert.False(n.IsRead);
        Assert.True(n.MarkRead(Now.AddHours(1)));
        Assert.False(n.MarkRead(Now.AddHours(2)));
        Assert.Equal(Now.AddHours(1), n.ReadUtc);
    }

    [Fact]
    public void A_failed_email_is_retried_later_with_growing_pauses_and_given_up_after_the_last_attempt()
    {
        var email = new OutgoingEmail(null, "sponsor@portal.local", "Escalated", "body", Now);
        Assert.True(email.IsDue(Now));

        email.MarkFailed("Connection refused", Now);
        Assert.Equal((1, Now.AddMinutes(1)), (email.Attempts, email.NextAttemptUtc));
        Assert.False(email.IsDue(Now.AddSeconds(59)));
        email.MarkFailed("Connection refused", Now);
        Assert.Equal(Now.AddMinutes(2), email.NextAttemptUtc);

        for (var i = email.Attempts; i < OutgoingEmail.MaxAttempts; i++)
            email.MarkFailed("Connection refused", Now);
        Assert.True(email.GaveUp);
        Assert.False(email.IsDue(Now.AddDays(1)));
        Assert.Equal(TimeSpan.FromHours(6), OutgoingEmail.RetryDelay(20));
    }
}
