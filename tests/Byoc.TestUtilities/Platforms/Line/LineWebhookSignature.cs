using System.Security.Cryptography;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>LINE's webhook signature, computed independently of the connector's check: base64 HMAC-SHA256 of the raw body keyed with the channel secret.</summary>
public static class LineWebhookSignature
{
    /// <summary>The header LINE signs webhooks with.</summary>
    public const string Header = "x-line-signature";

    /// <summary>The header value for <paramref name="body"/>.</summary>
    public static string Compute(string channelSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(channelSecret);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(channelSecret));
        return Convert.ToBase64String(hmac.ComputeHash(body.ToArray()));
    }
}
