using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Byoc.Connector.Channels;

/// <summary>
/// Signed, expiring links to the stored files of one channel, for a platform that fetches them itself:
/// <c>{PublicBaseUrl}/{route}/{channel}/files/{id}?expires={unix seconds}&amp;signature={base64url HMAC-SHA256}</c>
/// (route <c>webhooks</c> for the webhook channel, <c>channels</c> for Twilio).
/// The HMAC covers <c>"file-link\n{channel}\n{id}\n{expires}"</c> (the prefix keeps it apart from message signatures,
/// which use the same key) and is keyed with the channel's secret; the comparison is constant-time.
/// </summary>
internal sealed class FileLinks(string channel, byte[] key, Uri publicBaseUrl, TimeSpan lifetime, string route)
{
    private const int SignatureBytes = 32;

    /// <summary>The link to a stored file, valid for the channel's lifetime from <paramref name="now"/>.</summary>
    public (Uri Url, DateTimeOffset ExpiresAt) Create(string fileId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        var expires = (now + lifetime).ToUnixTimeSeconds();
        var query = $"expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={Base64Url.EncodeToString(Compute(fileId, expires))}";
        var url = new Uri($"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/{route}/{Uri.EscapeDataString(channel)}/files/{Uri.EscapeDataString(fileId)}?{query}");
        return (url, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Checks the query of a link; <paramref name="expiresAt"/> is set once <c>expires</c> could be read.</summary>
    public FileLinkCheck Verify(string fileId, string? expires, string? signature, DateTimeOffset now, out DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        expiresAt = default;
        Span<byte> candidate = stackalloc byte[SignatureBytes];
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || string.IsNullOrEmpty(signature)
            || !Base64Url.IsValid(signature, out var length)
            || length != SignatureBytes
            || !Base64Url.TryDecodeFromChars(signature, candidate, out var written))
        {
            return FileLinkCheck.Malformed;
        }

        expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (!CryptographicOperations.FixedTimeEquals(candidate[..written], Compute(fileId, seconds)))
        {
            return FileLinkCheck.BadSignature;
        }

        return now >= expiresAt ? FileLinkCheck.Expired : FileLinkCheck.Valid;
    }

    private byte[] Compute(string fileId, long expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"file-link\n{channel}\n{fileId}\n{expires.ToString(CultureInfo.InvariantCulture)}"));
}
