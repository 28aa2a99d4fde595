using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Checks Meta's <c>X-Hub-Signature-256</c> (WhatsApp Cloud API, Messenger, Instagram: the same Graph webhooks):
/// <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body keyed with the app's App Secret, compared in
/// constant time before anything is parsed.
/// </summary>
internal sealed class MetaHubSignature(string appSecret)
{
    /// <summary>The header Meta signs every webhook POST with.</summary>
    public const string Header = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);

    /// <summary>The header value Meta sends for <paramref name="body"/>.</summary>
    public string Compute(ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));

    /// <summary>Null when <paramref name="request"/> is signed with the App Secret; else the refusal to answer.</summary>
    public InboundResult? Check(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(Header) is not { Length: > 0 } header)
        {
            return InboundResult.Unauthenticated($"The request has no {Header} header.", "Signature missing");
        }

        var expected = HMACSHA256.HashData(_key, request.Body.Span);
        var valid = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && header.Length == Prefix.Length + (expected.Length * 2)
            && TryHex(header.AsSpan(Prefix.Length), out var given)
            && CryptographicOperations.FixedTimeEquals(given, expected);
        return valid ? null : InboundResult.Refuse(InboundRefusalKind.Forbidden, "Invalid signature",
            $"{Header} does not match the body signed with the app's App Secret.");
    }

    private static bool TryHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length;
    }
}
