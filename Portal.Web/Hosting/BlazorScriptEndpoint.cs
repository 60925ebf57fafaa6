using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Portal.Web.Hosting;

/// <summary>
/// Serves /_framework/blazor.web.js. With BlazorScriptSource=Legacy9 (the default on this package feed) the
/// script is read once from the ASP.NET Core 9 runtime pack's Components.Endpoints assembly, copied to the
/// output at build time; nothing extracted is committed. With BlazorScriptSource=Framework the framework's
/// own static web assets serve it and this endpoint is not mapped. See docs/decisions/ADR-002.
/// </summary>
public static class BlazorScriptEndpoint
{
    private const string ResourceName = "_framework/blazor.web.js";
    private static readonly Lazy<byte[]> Script = new(ReadScript);

    public static IEndpointRouteBuilder MapBlazorScript(this IEndpointRouteBuilder app)
    {
#if BLAZOR_SCRIPT_LEGACY9
        app.MapGet("/_framework/blazor.web.js", (HttpContext ctx) =>
        {
            ctx.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Script.Value, "text/javascript");
        }).AllowAnonymous().ExcludeFromDescription();
#endif
        return app;
    }

    internal static byte[] ReadScript()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "blazor-script", "Microsoft.AspNetCore.Components.Endpoints.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                "The Blazor client script source is missing from the build output. Rebuild Portal.Web (it is copied from the " +
                "Microsoft.AspNetCore.App.Runtime.linux-x64 9.0.22 package at build time).", path);

        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var corHeader = pe.PEHeaders.CorHeader ?? throw new InvalidDataException($"{path} is not a .NET assembly.");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != ResourceName || !resource.Implementation.IsNil)
                continue;
            // Embedded resources live in the CLR resources directory: a 4-byte length, then the bytes.
            var directory = pe.GetSectionData(corHeader.ResourcesDirectory.RelativeVirtualAddress);
            var reader = directory.GetReader((int)resource.Offset, directory.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }
        throw new InvalidDataException($"{path} has no embedded resource '{ResourceName}'.");
    }
}
