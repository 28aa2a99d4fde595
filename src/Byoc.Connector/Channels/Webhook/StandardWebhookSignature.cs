using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature</c> holds space-separated <c>v1,{base64 HMAC-SHA256}</c> values
/// over <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, keyed with the base64 part of a <c>whsec_</c> secret.
/// </summary>
internal static class StandardWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    /// <summary>Decodes a <c>whsec_</c> secret into its key bytes, or returns null when it is not one.</summary>
    public static byte[]? DecodeSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            return key.Length == 0 ? null : key;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The <c>v1,…</c> signature of one message.</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Compute(key, id, timestamp, body));

    /// <summary>Checks headers and signature; the comparison is constant-time.</summary>
    public static SignatureCheck Verify(byte[] key, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.StaleTimestamp;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (sent < now - tolerance || sent > now + tolerance)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var expected = Compute(key, id, seconds, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry[3..], candidate, out var written)
                && CryptographicOperations.FixedTimeEquals(candidate[..written], expected))
            {
                return SignatureCheck.Valid;
            }
        }

        return SignatureCheck.BadSignature;
    }

    private static byte[] Compute(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
