using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Authorization codes (single use, 15 minutes) and refresh tokens (until restart) of the web-server OAuth flow that
/// <c>sf org login web</c> drives (org-emulation.md §2.3).
/// </summary>
internal sealed class OAuthCodes(TimeProvider timeProvider)
{
    private static readonly TimeSpan s_codeLifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, OAuthCodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);

    public string IssueCode(string userId, string clientId, string redirectUri, string? codeChallenge, string? challengeMethod)
    {
        var code = "aPrx" + RandomText(32);
        _codes[code] = new OAuthCodeGrant(userId, clientId, redirectUri, codeChallenge, challengeMethod, timeProvider.GetUtcNow() + s_codeLifetime);
        return code;
    }

    /// <summary>Redeems a code once; null when it is unknown, used or expired.</summary>
    public OAuthCodeGrant? Redeem(string code) =>
        _codes.TryRemove(code, out var grant) && grant.ExpiresAt > timeProvider.GetUtcNow() ? grant : null;

    public string IssueRefreshToken(string userId)
    {
        var token = "5Aep" + RandomText(64);
        _refreshTokens[token] = userId;
        return token;
    }

    public string? RefreshTokenUser(string refreshToken) => _refreshTokens.GetValueOrDefault(refreshToken);

    private static string RandomText(int length) =>
        RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._", length);
}
