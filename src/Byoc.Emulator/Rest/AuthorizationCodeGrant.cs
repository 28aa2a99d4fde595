using System.Security.Cryptography;
using System.Text;
using Byoc.Emulator.Auth;
using Microsoft.AspNetCore.WebUtilities;

namespace Byoc.Emulator.Rest;

/// <summary>
/// <c>grant_type=authorization_code</c>: redeems a code from <c>/services/oauth2/authorize</c>. A PKCE verifier, when sent,
/// must match the S256 challenge; the sf CLI always sends one (org-emulation.md §2.3).
/// </summary>
internal sealed class AuthorizationCodeGrant(OAuthCodes codes) : IOAuthGrant
{
    public static readonly IReadOnlyList<string> Scopes = ["refresh_token", "api", "web"];

    public string GrantType => "authorization_code";

    public ValueTask<IResult> HandleAsync(IFormCollection form, HttpContext context, CancellationToken cancellationToken)
    {
        var grant = codes.Redeem(form["code"].ToString());
        if (grant is null)
        {
            return ValueTask.FromResult(OAuthTokenResponse.Error("invalid_grant", "invalid authorization code"));
        }

        if (form.TryGetValue("redirect_uri", out var redirect) && !string.Equals(redirect.ToString(), grant.RedirectUri, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(OAuthTokenResponse.Error("invalid_grant", "redirect_uri mismatch"));
        }

        var verifier = form["code_verifier"].ToString();
        if (grant.CodeChallenge is { Length: > 0 } challenge && verifier.Length > 0 && !VerifierMatches(verifier, challenge, grant.ChallengeMethod))
        {
            return ValueTask.FromResult(OAuthTokenResponse.Error("invalid_grant", "invalid code verifier"));
        }

        var refreshToken = codes.IssueRefreshToken(grant.UserId);
        return ValueTask.FromResult(OAuthTokenResponse.Issue(context, grant.UserId, Scopes, refreshToken));
    }

    private static bool VerifierMatches(string verifier, string challenge, string? method) =>
        string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase)
            ? string.Equals(verifier, challenge, StringComparison.Ordinal)
            : string.Equals(WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), challenge, StringComparison.Ordinal);
}
