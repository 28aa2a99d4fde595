using System.Security.Cryptography;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>Slack's <c>v0</c> request signature, written from Slack's description of it (for the fake's deliveries and hand-made requests).</summary>
public static class SlackSigning
{
    /// <summary>The signature header.</summary>
    public const string Header = "X-Slack-Signature";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary><c>v0=</c> and the hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> keyed with <paramref name="signingSecret"/>.</summary>
    public static string Compute(string signingSecret, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var basestring = Encoding.UTF8.GetBytes("v0:" + timestamp + ":").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring));
    }
}
