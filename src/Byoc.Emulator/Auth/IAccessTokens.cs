namespace Byoc.Emulator.Auth;

/// <summary>
/// The emulated org's access tokens, shared by every API surface (REST, SOAP, Interaction Service, Pub/Sub, rep console).
/// Tokens look like real session ids (<c>00D…!…</c>, which the sf CLI checks client-side, org-emulation.md §2.1).
/// </summary>
internal interface IAccessTokens
{
    /// <summary>Issues a token for a user with the given OAuth scopes.</summary>
    IssuedToken Issue(string userId, IReadOnlyCollection<string> scopes);

    /// <summary>The token's grant, or null when it is unknown, expired or revoked.</summary>
    AccessTokenInfo? Validate(string accessToken);

    /// <summary>Ends the session (SOAP <c>logout()</c>, OAuth revoke); false when the token was not valid.</summary>
    bool Revoke(string accessToken);
}

/// <summary>A freshly issued access token.</summary>
internal sealed record IssuedToken(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>What a valid access token grants.</summary>
internal sealed record AccessTokenInfo(
    string UserId, string OrgId, IReadOnlySet<string> Scopes, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
