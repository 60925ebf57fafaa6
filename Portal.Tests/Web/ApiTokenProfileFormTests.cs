using System.Net;
using AngleSharp.Html.Parser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The profile page's token forms over plain HTTP (static SSR): field errors in place, the secret in the create response only.</summary>
public sealed class ApiTokenProfileFormTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Creating_a_token_shows_the_secret_once_and_an_empty_name_is_a_field_error()
    {
        var client = await factory.SignedInClientAsync("viewer@portal.local");

        var empty = await PostCreateAsync(client, "", "30");
        var created = await PostCreateAsync(client, "Nightly export", "90");
        var again = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Profile"));

        Assert.Equal("Give the token a name, so you can tell it apart later.",
            empty.QuerySelector(".field:has(#tokenName) .validation-message")?.TextContent.Trim());
        var secret = created.QuerySelector("[data-testid=new-token-secret]")?.GetAttribute("value");
        Assert.Matches("^pat_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("Nightly export", created.QuerySelector("[data-testid=token-list]")!.TextContent);
        Assert.Null(again.QuerySelector("[data-testid=new-token]"));
        Assert.DoesNotContain(secret!, again.DocumentElement.OuterHtml);
        Assert.Equal("Jordan Blake", again.QuerySelector("#displayName")?.GetAttribute("value"));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostCreateAsync(HttpClient client, string name, string days)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Profile"));
        var form = page.QuerySelector("form.token-form") ?? throw new InvalidOperationException("No token form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Create.Name"] = name;
        fields["Create.LifetimeDays"] = days;
        var response = await client.PostAsync("/Account/Profile", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(html);
    }
}
