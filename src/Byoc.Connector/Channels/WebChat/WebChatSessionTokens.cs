using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Visitor session tokens: <c>{visitor id}.{issued at, Unix seconds}.{base64url HMAC-SHA256}</c>, the MAC taken over the
/// channel name, the visitor id and the issue time with the channel's session secret. The visitor id is 128 random bits
/// and becomes the platform user id, so a token is the only way to speak as, or listen to, a visitor.
/// </summary>
internal sealed class WebChatSessionTokens(string channel, byte[] key, TimeSpan lifetime, TimeProvider timeProvider)
{
    /// <summary>How far in the future an issue time may be (clock skew between instances).</summary>
    private static readonly TimeSpan s_maxSkew = TimeSpan.FromMinutes(1);

    /// <summary>How long a token is accepted after it was issued.</summary>
    public TimeSpan Lifetime => lifetime;

    /// <summary>A fresh random visitor id (22 base64url characters).</summary>
    public static string NewVisitorId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Issues a token for <paramref name="visitorId"/>, valid from now for <see cref="Lifetime"/>.</summary>
    public WebChatSession Issue(string visitorId)
    {
        var issuedAt = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var token = $"{visitorId}.{issuedAt.ToString(CultureInfo.InvariantCulture)}.{Base64Url.EncodeToString(Mac(visitorId, issuedAt))}";
        return new WebChatSession(token, visitorId, DateTimeOffset.FromUnixTimeSeconds(issuedAt) + lifetime);
    }

    /// <summary>Verifies a token in constant time; on success returns the session, otherwise null and a safe reason.</summary>
    public WebChatSession? Verify(string? token, out string? error)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length is 0 or > 64 || !parts[0].All(IsBase64UrlChar))
        {
            error = "A session token is required.";
            return null;
        }

        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedAt) || issuedAt > 253402300799)
        {
            error = "The session token is malformed.";
            return null;
        }

        Span<byte> candidate = stackalloc byte[64];
        if (!Base64Url.TryDecodeFromChars(parts[2], candidate, out var written)
            || !CryptographicOperations.FixedTimeEquals(candidate[..written], Mac(parts[0], issuedAt)))
        {
            error = "The session token signature is not valid.";
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedAt);
        var now = timeProvider.GetUtcNow();
        if (issued > now + s_maxSkew || issued + lifetime <= now)
        {
            error = "The session token has expired.";
            return null;
        }

        error = null;
        return new WebChatSession(token!, parts[0], issued + lifetime);
    }

    private byte[] Mac(string visitorId, long issuedAt) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"byoc-webchat-v1\n{channel}\n{visitorId}\n{issuedAt.ToString(CultureInfo.InvariantCulture)}"));

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
