using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Security;

/// <summary>
/// The one way Portal makes and keeps bearer secrets (personal API tokens, ingestion keys): 32 random bytes in
/// URL-safe Base64 behind a readable prefix, and only their SHA-256 kept. A plain hash suffices because the secrets
/// are random, not chosen by people, so there is nothing to guess from a dictionary.
/// </summary>
public static class SecretHashing
{
    public static string NewSecret(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
