using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// Checks LINE's <c>x-line-signature</c>: the base64 HMAC-SHA256 of the raw body keyed with the channel secret,
/// compared in constant time before anything is parsed.
/// </summary>
internal sealed class LineSignature(string channelSecret)
{
    /// <summary>The header LINE signs every webhook POST with.</summary>
    public const string Header = "x-line-signature";

    private const int HashBytes = 32;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(channelSecret);

    /// <summary>The header value LINE sends for <paramref name="body"/>.</summary>
    public string Compute(ReadOnlySpan<byte> body) => Convert.ToBase64String(HMACSHA256.HashData(_key, body));

    /// <summary>Null when <paramref name="request"/> is signed with the channel secret; else the refusal to answer.</summary>
    public InboundResult? Check(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(Header) is not { Length: > 0 } header)
        {
            return InboundResult.Unauthenticated($"The request has no {Header} header.", "Signature missing");
        }

        Span<byte> given = stackalloc byte[HashBytes];
        var expected = HMACSHA256.HashData(_key, request.Body.Span);
        var valid = Convert.TryFromBase64String(header.Trim(), given, out var written) && written == HashBytes
            && CryptographicOperations.FixedTimeEquals(given, expected);
        return valid ? null : InboundResult.Unauthenticated($"{Header} does not match the body signed with the channel secret.");
    }
}
