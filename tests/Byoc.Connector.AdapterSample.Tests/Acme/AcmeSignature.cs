using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>
/// Acme signs like Twilio, with SHA-256: <c>X-Acme-Signature</c> is the base64 HMAC-SHA256, keyed with the auth token, of
/// the full URL Acme called (query included) followed by every form field sorted by name, as <c>name + value</c>.
/// </summary>
internal static class AcmeSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Acme-Signature";

    /// <summary>The signature of a request to <paramref name="url"/> with <paramref name="form"/>.</summary>
    public static string Sign(string authToken, Uri url, IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url.OriginalString);
        foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Whether the request carries a valid signature over its public URL and form; constant-time.</summary>
    public static bool IsValid(string authToken, InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PublicUrl is not { } url || request.Header(Header) is not { } signature)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(authToken, url, request.Form));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
