using System.Security.Cryptography;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// Twilio's request signature (webhooks security, "Validating signatures from Twilio"): HMAC-SHA1 keyed with the Auth
/// Token over the full URL called followed by every POST parameter sorted by name as <c>name + value</c>, base64. A
/// JSON body is not appended: its hex SHA-256 rides in the URL's <c>bodySHA256</c> query parameter instead.
/// </summary>
public static class TwilioSignature
{
    /// <summary>The <c>X-Twilio-Signature</c> header value.</summary>
    /// <param name="authToken">The account's Auth Token (the HMAC key).</param>
    /// <param name="url">The exact URL called: scheme, host, port as written, path and query string, no fragment.</param>
    /// <param name="parameters">The form parameters posted; none for a JSON body.</param>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var (name, value) in (parameters ?? []).OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        // SHA-1 is what Twilio signs with; the fake must match it byte for byte.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>The <c>bodySHA256</c> query value for a body: its SHA-256 in lower-case hex.</summary>
    public static string BodySha256(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
