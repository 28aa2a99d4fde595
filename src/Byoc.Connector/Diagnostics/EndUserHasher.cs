using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// Turns an end user's identifier into what logs may carry: <c>u:</c> and 16 hex digits of HMAC-SHA256 under a key of
/// this installation (<c>Connector:Telemetry:IdentifierHashKey</c>, base64). Without a configured key a random one is
/// used, so hashes correlate only within one run. The raw identifier is never logged.
/// </summary>
internal sealed class EndUserHasher(IOptions<TelemetryOptions> options)
{
    private readonly byte[] _key = options.Value.IdentifierHashKey is { Length: > 0 } configured
        ? Convert.FromBase64String(configured)
        : RandomNumberGenerator.GetBytes(32);

    public string Hash(string channel, string platformUserId) =>
        "u:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{channel}:{platformUserId}")).AsSpan(0, 8));
}
