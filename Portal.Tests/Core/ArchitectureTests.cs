using System.Reflection;
using Microsoft.Extensions.DependencyModel;
using Portal.Core.Programs;
using Portal.Data;

namespace Portal.Tests.Core;

/// <summary>One direction of reference: Portal.Core &lt;- Portal.Data &lt;- Portal.Web; Core holds rules only (STYLE.md).</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] InfrastructurePrefixes =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions.Identity", "Npgsql"];

    private static IReadOnlyList<string> ReferencedAssemblyNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IsInfrastructure(string name) =>
        InfrastructurePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Core_references_no_EF_Core_Identity_or_ASP_NET_Core_assembly()
    {
        var offending = ReferencedAssemblyNames(typeof(PortalProgram).Assembly).Where(IsInfrastructure).ToList();

        Assert.True(offending.Count == 0, "Portal.Core references " + string.Join(", ", offending));
    }

    [Fact]
    public void Core_references_neither_Data_nor_Web()
    {
        var names = ReferencedAssemblyNames(typeof(PortalProgram).Assembly);

        Assert.DoesNotContain("Portal.Data", names);
        Assert.DoesNotContain("Portal.Web", names);
    }

    /// <summary>
    /// The compiler drops references that no code uses, so also check the packages Core depends on
    /// (directly or through other packages) as recorded in the test's deps.json.
    /// </summary>
    [Fact]
    public void Core_depends_on_no_infrastructure_package_even_unused()
    {
        var libraries = DependencyContext.Default!.RuntimeLibraries.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        Assert.True(libraries.ContainsKey("Portal.Core"), "Portal.Core is missing from the test's deps.json.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(["Portal.Core"]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !libraries.TryGetValue(name, out var library))
                continue;
            foreach (var dependency in library.Dependencies)
                pending.Push(dependency.Name);
        }

        Assert.DoesNotContain(seen, name => IsInfrastructure(name) || name is "Portal.Data" or "Portal.Web");
    }

    [Fact]
    public void Data_does_not_reference_Web()
    {
        var names = ReferencedAssemblyNames(typeof(PortalDbContext).Assembly);

        Assert.Contains("Portal.Core", names);
        Assert.DoesNotContain("Portal.Web", names);
    }
}
