using Byoc.Emulator.Auth;

namespace Byoc.Emulator.Tests.Soap;

/// <summary>A hand-written <see cref="IAccessTokens"/>: one known token for one user of one org.</summary>
internal sealed class TestAccessTokens(string orgId, string userId) : IAccessTokens
{
    public string Token { get; } = $"{orgId[..15]}!AQ0AQtestsession";

    public IssuedToken Issue(string userId, IReadOnlyCollection<string> scopes) => throw new NotSupportedException();

    public AccessTokenInfo? Validate(string accessToken) =>
        accessToken == Token
            ? new AccessTokenInfo(userId, orgId, new HashSet<string> { "api" }, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
            : null;

    public bool Revoke(string accessToken) => throw new NotSupportedException();
}
