using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed class ProgramMembershipApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task A_member_lists_only_their_programs()
    {
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var programs = await client.GetFromJsonAsync<ProgramRow[]>("/api/programs");

        Assert.Equal(["Atlas: PPM and ERP financial integration"], programs!.Select(p => p.Name));
    }

    [Fact]
    public async Task Administrators_see_every_program()
    {
        var client = await factory.SignedInClientAsync("admin@portal.local");

        var programs = await client.GetFromJsonAsync<ProgramRow[]>("/api/programs");

        Assert.Equal(2, programs!.Length);
    }

    [Fact]
    public async Task A_non_member_gets_404_exactly_like_a_missing_program()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var hidden = await client.GetAsync($"/api/programs/{harborId}");
        var missing = await client.GetAsync("/api/programs/999999");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType!.MediaType);
        var hiddenProblem = await hidden.Content.ReadFromJsonAsync<Problem>();
        var missingProblem = await missing.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal(missingProblem!.Title, hiddenProblem!.Title);
        Assert.Equal(missingProblem.Detail.Replace("999999", "X"), hiddenProblem.Detail.Replace(harborId.ToString(), "X"));
    }

    [Fact]
    public async Task A_non_member_gets_404_for_the_program_page()
    {
        var harborId = await factory.ProgramIdAsync("Harbor");
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var response = await client.GetAsync($"/programs/{harborId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Harbor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_reads_the_program_with_its_members()
    {
        var atlasId = await factory.ProgramIdAsync("Atlas");
        var client = await factory.SignedInClientAsync("owner@portal.local");

        var program = await client.GetFromJsonAsync<ProgramDetail>($"/api/programs/{atlasId}");

        Assert.Equal(6, program!.Members.Length);
        Assert.False(program.CanManage);
    }

    private sealed record Problem(string Title, string Detail, int Status);
    private sealed record ProgramRow(int Id, string Name);
    private sealed record ProgramDetail(int Id, string Name, MemberRow[] Members, bool CanManage);
    private sealed record MemberRow(string UserId, string DisplayName);
}
