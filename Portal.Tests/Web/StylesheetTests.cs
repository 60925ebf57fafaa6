using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// A stylesheet with an unclosed block silently drops every rule after it (a merge once lost the brace that closed a
/// media query, and the stakeholder grid rendered black). Cheap to check, so it is checked.
/// </summary>
public sealed class StylesheetTests
{
    public static TheoryData<string> Stylesheets()
    {
        var root = Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web", "wwwroot");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.css", SearchOption.AllDirectories).Where(f => !f.Contains("lib")))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory, MemberData(nameof(Stylesheets))]
    public void Every_block_is_closed_and_none_is_closed_twice(string stylesheet)
    {
        var text = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "Portal.Web", "wwwroot", stylesheet));
        var depth = 0;
        var inComment = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (!inComment && text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*') { inComment = true; i++; continue; }
            if (inComment && text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/') { inComment = false; i++; continue; }
            if (inComment)
                continue;
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, $"{stylesheet}: a '}}' without its '{{' at offset {i}");
        }
        Assert.Equal(0, depth);
    }
}
