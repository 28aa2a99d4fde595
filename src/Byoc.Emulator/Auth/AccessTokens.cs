using System.Collections.Concurrent;
using System.Security.Cryptography;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;

namespace Byoc.Emulator.Auth;

/// <summary>
/// Opaque session-id style tokens (<c>00D…!…</c>, interaction-service-api.md §3.2), held in memory: a restart of the emulator
/// invalidates them, as a session reset would, and clients re-mint. A token is a session that times out after
/// <see cref="Timeout"/> of inactivity (Salesforce Help, "Session Settings": default 2 hours). As the help page describes,
/// the last-active time is only moved on by a use in the second half of the timeout, so a use after 10 minutes of a
/// 30-minute timeout does not extend it, and a use after 20 minutes gives another 30.
/// </summary>
internal sealed class AccessTokens(OrgIdentity org, EmulatorOptions options, TimeProvider timeProvider) : IAccessTokens
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>The inactivity timeout of new sessions; changeable at run time (fault injection forces short ones).</summary>
    public TimeSpan Timeout { get; set; } = options.SessionTimeout;

    public IssuedToken Issue(string userId, IReadOnlyCollection<string> scopes)
    {
        var now = timeProvider.GetUtcNow();
        var token = $"{org.OrgId15}!{RandomNumberGenerator.GetString(TokenAlphabet, 96)}";
        var session = new Session(userId, new HashSet<string>(scopes, StringComparer.Ordinal), now, Timeout);
        _sessions[token] = session;
        return new IssuedToken(token, now, session.ExpiresAt);
    }

    public AccessTokenInfo? Validate(string accessToken)
    {
        if (!_sessions.TryGetValue(accessToken, out var session))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (!session.Touch(now))
        {
            _sessions.TryRemove(accessToken, out _);
            return null;
        }

        return new AccessTokenInfo(session.UserId, org.OrgId18, session.Scopes, session.IssuedAt, session.ExpiresAt);
    }

    public bool Revoke(string accessToken) => _sessions.TryRemove(accessToken, out _);

    /// <summary>Revokes every issued token (fault injection: clients must re-mint on 401).</summary>
    public int RevokeAll()
    {
        var count = _sessions.Count;
        _sessions.Clear();
        return count;
    }

    private sealed class Session(string userId, IReadOnlySet<string> scopes, DateTimeOffset issuedAt, TimeSpan timeout)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _lastActive = issuedAt;

        public string UserId { get; } = userId;

        public IReadOnlySet<string> Scopes { get; } = scopes;

        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public DateTimeOffset ExpiresAt
        {
            get
            {
                lock (_lock)
                {
                    return _lastActive + timeout;
                }
            }
        }

        /// <summary>False when the session has timed out; otherwise records the use.</summary>
        public bool Touch(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now >= _lastActive + timeout)
                {
                    return false;
                }

                if (now - _lastActive >= timeout / 2)
                {
                    _lastActive = now;
                }

                return true;
            }
        }
    }
}
