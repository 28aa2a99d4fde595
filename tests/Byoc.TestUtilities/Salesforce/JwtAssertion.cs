using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Byoc.TestUtilities.Salesforce;

/// <summary>Mints an OAuth 2.0 JWT bearer assertion as Salesforce's docs describe it (RS256; iss, sub, aud, exp in seconds).</summary>
public static class JwtAssertion
{
    public static string Create(string privateKeyPem, string consumerKey, string username, string audience, DateTimeOffset expires)
    {
        using var key = RSA.Create();
        key.ImportFromPem(privateKeyPem);
        return Create(key, consumerKey, username, audience, expires.ToUnixTimeSeconds());
    }

    public static string Create(RSA key, string consumerKey, string username, string audience, long exp)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new { iss = consumerKey, sub = username, aud = audience, exp }));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + claims + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
