namespace Byoc.Emulator.Rest;

/// <summary>What an authorization code from <c>/services/oauth2/authorize</c> grants, and the PKCE challenge it must meet.</summary>
internal sealed record OAuthCodeGrant(
    string UserId, string ClientId, string RedirectUri, string? CodeChallenge, string? ChallengeMethod, DateTimeOffset ExpiresAt);
