namespace Byoc.Connector.Salesforce;

/// <summary>A minted access token. The token itself is a secret: never log it.</summary>
/// <param name="AccessToken">The bearer token (opaque or JWT).</param>
/// <param name="InstanceUrl">The org's My Domain URL from the token response.</param>
/// <param name="ExpiresAt">When the connector treats it as expired.</param>
internal sealed record SalesforceToken(string AccessToken, Uri InstanceUrl, DateTimeOffset ExpiresAt)
{
    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"SalesforceToken {{ InstanceUrl = {InstanceUrl}, ExpiresAt = {ExpiresAt:O} }}";
}
