namespace Portal.Data.DataProtection;

/// <summary>
/// One ASP.NET Core data-protection key (its XML element, as the key manager writes it), shared by every node so a
/// cookie or antiforgery token issued by one node is read by the others.
/// </summary>
public sealed class DataProtectionKey
{
    public const int MaxFriendlyNameLength = 200;

    private DataProtectionKey() { }

    public DataProtectionKey(string? friendlyName, string xml)
    {
        FriendlyName = friendlyName is { Length: > MaxFriendlyNameLength } ? friendlyName[..MaxFriendlyNameLength] : friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string? FriendlyName { get; private set; }
    public string Xml { get; private set; } = string.Empty;
}
