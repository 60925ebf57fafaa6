namespace Portal.Web.Hosting;

/// <summary>Settings under the "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Seeds demo users and programs into a new, empty database. Never touches a database that has users.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Applies pending migrations when the site starts (the ops command `--migrate` does it without starting).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Creates this administrator in an empty database when demo data is off, so a real install has a first user.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Name of this node in logs and job history; defaults to the machine name.</summary>
    public string? NodeName { get; set; }
}

public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
