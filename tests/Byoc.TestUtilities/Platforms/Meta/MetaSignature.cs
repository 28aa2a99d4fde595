using System.Security.Cryptography;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>Meta's webhook signature as the fake computes it: <c>sha256=</c> and the hex HMAC-SHA256 of the body keyed with the App Secret.</summary>
public static class MetaSignature
{
    /// <summary>The header Meta sends it in.</summary>
    public const string Header = "X-Hub-Signature-256";

    /// <summary>The <c>X-Hub-Signature-256</c> value of <paramref name="body"/>.</summary>
    public static string Compute(string appSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        return "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(body.ToArray()));
    }
}
