using Byoc.Emulator.Auth;

namespace Byoc.Emulator.Rest;

/// <summary>
/// <c>grant_type=refresh_token</c>: a fresh access token for a refresh token from the code grant. The new token is
/// always valid: the CLI retries 401s forever after refreshing (org-emulation.md §2.6).
/// </summary>
internal sealed class RefreshTokenGrant(OAuthCodes codes) : IOAuthGrant
{
    public string GrantType => "refresh_token";

    public ValueTask<IResult> HandleAsync(IFormCollection form, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = codes.RefreshTokenUser(form["refresh_token"].ToString());
        return ValueTask.FromResult(userId is null
            ? OAuthTokenResponse.Error("invalid_grant", "expired access/refresh token")
            : OAuthTokenResponse.Issue(context, userId, AuthorizationCodeGrant.Scopes, refreshToken: null));
    }
}
