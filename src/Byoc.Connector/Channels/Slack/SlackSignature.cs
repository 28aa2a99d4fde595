using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Slack's request signature (version <c>v0</c>): <c>X-Slack-Signature</c> is <c>v0=</c> and the lower-case hex
/// HMAC-SHA256, keyed with the app's signing secret, of <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>. The timestamp
/// must be within the tolerance of the connector's clock (a replay guard); both are checked before anything is parsed,
/// the signature in constant time.
/// </summary>
internal sealed class SlackSignature(string signingSecret, TimeSpan tolerance, TimeProvider timeProvider)
{
    /// <summary>The signature header.</summary>
    public const string Header = "X-Slack-Signature";

    /// <summary>The header with the request's Unix time in seconds, part of what is signed.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const string Version = "v0";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>The header value Slack sends for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public string Compute(string timestamp, ReadOnlySpan<byte> body) => $"{Version}=" + Convert.ToHexStringLower(Hash(timestamp, body));

    /// <summary>Null when <paramref name="request"/> is signed with the signing secret and recent; else the 401 to answer.</summary>
    public InboundResult? Check(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(Header) is not { Length: > 0 } header)
        {
            return InboundResult.Unauthenticated($"The request has no {Header} header.", "Signature missing");
        }

        if (request.Header(TimestampHeader) is not { Length: > 0 } timestamp
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return InboundResult.Unauthenticated($"The request has no numeric {TimestampHeader} header.", "Timestamp missing");
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if (age.Duration() > tolerance)
        {
            return InboundResult.Unauthenticated(
                $"{TimestampHeader} is {age.TotalSeconds:0} s from the connector's clock; more than {tolerance.TotalSeconds:0} s is refused as a possible replay.",
                "Stale timestamp");
        }

        var expected = Hash(timestamp, request.Body.Span);
        var prefix = Version + "=";
        var valid = header.StartsWith(prefix, StringComparison.Ordinal)
            && header.Length == prefix.Length + (expected.Length * 2)
            && TryHex(header.AsSpan(prefix.Length), out var given)
            && CryptographicOperations.FixedTimeEquals(given, expected);
        return valid ? null : InboundResult.Unauthenticated($"{Header} does not match the request signed with the app's signing secret.");
    }

    private byte[] Hash(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, signed);
    }

    private static bool TryHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length;
    }
}
