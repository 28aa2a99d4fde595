using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Auth;

/// <summary>
/// The OAuth 2.0 JWT bearer grant (interaction-service-api.md §3.2, help article <c>remoteaccess_oauth_jwt_flow</c>): an RS256
/// assertion signed with the connected app's key, <c>iss</c> = consumer key, <c>sub</c> = an active username, <c>aud</c> = the
/// login URL (or the instance URL), <c>exp</c> not yet passed. Every refusal is a 400 with Salesforce's OAuth error body.
/// </summary>
internal sealed class JwtBearerGrant(
    DevConnectedApp app, OrgStore store, TokenResponses responses, EmulatorAddresses addresses, TimeProvider timeProvider) : IOAuthGrant
{
    public string GrantType => "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public ValueTask<IResult> HandleAsync(IFormCollection form, HttpContext context, CancellationToken cancellationToken)
    {
        if (!JwtBearerAssertion.TryRead(form["assertion"].ToString(), out var jwt, out var error))
        {
            return ValueTask.FromResult(OAuthError.InvalidGrant(error));
        }

        if (!string.Equals(jwt.Algorithm, "RS256", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(OAuthError.InvalidGrant("invalid assertion: the JWT header must name alg RS256"));
        }

        // A real org looks the connected app up by iss before it can check the signature, and answers an unknown one
        // with invalid_client_id "client identifier invalid".
        if (!string.Equals(jwt.Issuer, app.ConsumerKey, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(OAuthError.Create("invalid_client_id", "client identifier invalid"));
        }

        using var key = app.Certificate.GetRSAPublicKey()!;
        if (!key.VerifyData(Encoding.ASCII.GetBytes(jwt.SigningInput), jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return ValueTask.FromResult(OAuthError.InvalidGrant("invalid assertion: the signature does not verify against the connected app's certificate"));
        }

        if (!AudienceAccepted(jwt.Audiences))
        {
            return ValueTask.FromResult(OAuthError.InvalidGrant("audience is invalid"));
        }

        // Only "not yet passed" is checked: the help article asks for exp within 3 minutes, but real orgs accept later
        // ones. JwtExpiry says how seconds and the millisecond exp of `sf org login jwt` are told apart.
        if (jwt.Expires.HasPassed(timeProvider.GetUtcNow()))
        {
            return ValueTask.FromResult(OAuthError.InvalidGrant("expired authorization code"));
        }

        var user = FindActiveUser(jwt.Subject);
        return ValueTask.FromResult(user is null
            ? OAuthError.InvalidGrant("user hasn't approved this consumer")
            : TypedResults.Json(responses.Issue(user.Id)));
    }

    private SObjectRecord? FindActiveUser(string? username) =>
        string.IsNullOrEmpty(username) ? null : store.Lookup("User", "Username", username).FirstOrDefault(u => u.GetBoolean("IsActive"));

    private bool AudienceAccepted(IReadOnlyList<string> audiences)
    {
        string[] accepted = ["https://login.salesforce.com", "https://test.salesforce.com", addresses.InstanceUrl.ToString().TrimEnd('/')];
        return audiences.Any(aud => accepted.Contains(aud.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
    }
}
