namespace Byoc.Connector.Salesforce;

/// <summary>Hands out a cached access token, minted with the OAuth 2.0 JWT bearer flow.</summary>
internal interface ISalesforceTokenProvider
{
    /// <summary>Returns the cached token, minting a new one when none is cached or it is about to expire.</summary>
    Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Salesforce refused <paramref name="rejected"/> (401/403): mint a new token unless another caller already did.</summary>
    Task<SalesforceToken> RenewAsync(SalesforceToken rejected, CancellationToken cancellationToken);
}
