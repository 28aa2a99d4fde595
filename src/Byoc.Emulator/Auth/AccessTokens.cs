using System.Collections.Concurrent;
using System.Security.Cryptography;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;

namespace Byoc.Emulator.Auth;

/// <summary>
/// Opaque session-id style tokens (<c>00D…!…</c>, interaction-service-api.md §3.2), held in memory: a restart of the emulator
/// invalidates them, as a session reset would, and clients re-mint.
/// </summary>
internal sealed class AccessTokens(OrgIdentity org, EmulatorOptions options, TimeProvider timeProvider) : IAccessTokens
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    private readonly ConcurrentDictionary<string, AccessTokenInfo> _tokens = new(StringComparer.Ordinal);

    /// <summary>How long new tokens live; changeable at run time (fault injection forces short lifetimes).</summary>
    public TimeSpan Lifetime { get; set; } = options.AccessTokenLifetime;

    public IssuedToken Issue(string userId, IReadOnlyCollection<string> scopes)
    {
        var now = timeProvider.GetUtcNow();
        var token = $"{org.OrgId15}!{RandomNumberGenerator.GetString(TokenAlphabet, 96)}";
        var info = new AccessTokenInfo(userId, org.OrgId18, new HashSet<string>(scopes, StringComparer.Ordinal), now, now + Lifetime);
        _tokens[token] = info;
        return new IssuedToken(token, info.IssuedAt, info.ExpiresAt);
    }

    public AccessTokenInfo? Validate(string accessToken)
    {
        if (!_tokens.TryGetValue(accessToken, out var info))
        {
            return null;
        }

        if (timeProvider.GetUtcNow() >= info.ExpiresAt)
        {
            _tokens.TryRemove(accessToken, out _);
            return null;
        }

        return info;
    }

    /// <summary>Revokes every issued token (fault injection: clients must re-mint on 401).</summary>
    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }
}
