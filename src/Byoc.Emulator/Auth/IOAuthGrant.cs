namespace Byoc.Emulator.Auth;

/// <summary>
/// One OAuth 2.0 grant type served by <c>POST /services/oauth2/token</c> (JWT bearer for connectors; authorization code
/// and refresh token for <c>sf org login web</c>). The token endpoint picks the grant by <c>grant_type</c>.
/// </summary>
internal interface IOAuthGrant
{
    /// <summary>The <c>grant_type</c> form value this grant handles.</summary>
    string GrantType { get; }

    /// <summary>Answers the token request: Salesforce's success body, or 400 <c>{"error","error_description"}</c>.</summary>
    ValueTask<IResult> HandleAsync(IFormCollection form, HttpContext context, CancellationToken cancellationToken);
}
