namespace Portal.Core.Programs;

/// <summary>The systems a program integrates. Known kinds are listed; anything else is a custom system name.</summary>
public static class SystemKinds
{
    public const int MaxNameLength = 40;
    public const int MaxSystems = 12;

    public static IReadOnlyList<string> Known { get; } = ["PPM", "ERP", "CRM", "PSA", "HCM"];

    public static string Describe(string kind) => kind switch
    {
        "PPM" => "Project portfolio management",
        "ERP" => "Enterprise resource planning",
        "CRM" => "Customer relationship management",
        "PSA" => "Professional services automation",
        "HCM" => "Human capital management",
        _ => "Custom system",
    };
}
