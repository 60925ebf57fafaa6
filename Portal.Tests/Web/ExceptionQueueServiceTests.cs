using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Portal.Web.Demo;
using Portal.Web.Features.Account;
using Portal.Web.Features.Integration;

namespace Portal.Tests.Web;

/// <summary>
/// The exception queue over the demo database: oldest first with filters, members read, integration owners and PMO leads
/// act, strangers are told "not found", and every change is audited.
/// </summary>
public sealed class ExceptionQueueServiceTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private ExceptionQueueService Queue => factory.Services.GetRequiredService<ExceptionQueueService>();

    private async Task<long> PostAsync(string exceptionId, TimeSpan age, string objectType = "Invoice")
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TelemetryApi.HeaderName, IntegrationDemoData.DemoKeySecret);
        var response = await client.PostAsJsonAsync(TelemetryApi.ExceptionsPath, new[]
        {
            new Dictionary<string, object?>
            {
                ["exceptionId"] = exceptionId, ["connection"] = "erp-ppm-actuals", ["detectedAt"] = DateTimeOffset.UtcNow.Subtract(age).ToString("O"),
                ["objectType"] = objectType, ["objectKey"] = exceptionId.ToUpperInvariant(), ["sourceValue"] = "100.00", ["targetValue"] = "90.00",
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.CreateDbContext();
        return await db.ReconciliationExceptions.Where(e => e.ExceptionId == exceptionId).Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task The_queue_lists_open_exceptions_oldest_first_with_filters_and_age()
    {
        await PostAsync("q-new", TimeSpan.FromHours(2), "Time entry q");
        await PostAsync("q-old", TimeSpan.FromDays(3.5), "Time entry q");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        var page = await Queue.QueueAsync(pmo, new ExceptionFilter(ObjectType: "Time entry q"), 0, 25);
        var old = await Queue.QueueAsync(pmo, new ExceptionFilter(ObjectType: "Time entry q", MinAgeDays: 3), 0, 25);
        var mine = await Queue.QueueAsync(pmo, new ExceptionFilter(ObjectType: "Time entry q", AssignedToMe: true), 0, 25);

        Assert.Equal(["q-old", "q-new"], page.Rows.Select(r => r.ExceptionId));
        Assert.Equal(["3 d 12 h", "2 h 0 min"], page.Rows.Select(r => r.Age));
        Assert.Equal(["q-old"], old.Rows.Select(r => r.ExceptionId));
        Assert.Empty(mine.Rows);
        Assert.Contains("Time entry q", page.ObjectTypes);
    }

    [Fact]
    public async Task An_integration_owner_assigns_comments_and_resolves_with_a_note_all_audited()
    {
        var id = await PostAsync("q-work", TimeSpan.FromHours(5));
        var it = await factory.DemoUserAsync("it@portal.local");
        var pmo = await factory.DemoUserAsync("pmo@portal.local");

        Assert.Equal(IntegrationOutcomeKind.Done, (await Queue.AssignAsync(id, pmo.Id, it)).Kind);
        var assigned = await Queue.QueueAsync(pmo, new ExceptionFilter(AssignedToMe: true), 0, 100);
        Assert.Equal(IntegrationOutcomeKind.Done, (await Queue.CommentAsync(id, "Actuals posted twice in the ERP.", pmo)).Kind);
        var noNote = await Queue.ResolveAsync(id, " ", pmo);
        Assert.Equal(IntegrationOutcomeKind.Done, (await Queue.ResolveAsync(id, "Reversed the duplicate posting.", pmo)).Kind);
        var detail = await Queue.DetailAsync(id, it);

        Assert.Contains(assigned.Rows, r => r.Id == id);
        Assert.Equal(("Note", "A resolution note is required."), (noNote.Errors.Single().Field, noNote.Errors.Single().Message));
        Assert.Equal(ExceptionState.Resolved, detail!.Row.State);
        Assert.Equal([ReconciliationCommentKind.Comment, ReconciliationCommentKind.Resolution], detail.Thread.Select(t => t.Kind));
        Assert.DoesNotContain((await Queue.QueueAsync(it, new ExceptionFilter(), 0, 100)).Rows, r => r.Id == id);
        await using var db = factory.CreateDbContext();
        Assert.Equal(["Assigned", "Commented", "Resolved"], await db.AuditEntries
            .Where(a => a.EntityType == ExceptionQueueService.EntityType && a.EntityId == id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Viewers_read_but_cannot_act_and_strangers_are_told_not_found()
    {
        var id = await PostAsync("q-roles", TimeSpan.FromHours(1));
        var viewer = await factory.DemoUserAsync("viewer@portal.local");
        var stranger = new CurrentUser("no-such-user", "Stranger", new HashSet<string>());

        var read = await Queue.DetailAsync(id, viewer);
        var refused = await Queue.ResolveAsync(id, "I think it is fine.", viewer);
        var hidden = await Queue.CommentAsync(id, "Hello", stranger);

        Assert.False(read!.CanWork);
        Assert.Equal(IntegrationOutcomeKind.Forbidden, refused.Kind);
        Assert.Equal(IntegrationOutcomeKind.NotFound, hidden.Kind);
        Assert.Null(await Queue.DetailAsync(id, stranger));
        Assert.Empty((await Queue.QueueAsync(stranger, new ExceptionFilter(), 0, 25)).Rows);
    }
}
