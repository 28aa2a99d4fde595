using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Byoc.Connector.Salesforce;

/// <summary>Ready when a Salesforce access token is cached or can be minted (the token itself is never reported).</summary>
internal sealed class SalesforceTokenHealthCheck(ISalesforceTokenProvider tokens) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var token = await tokens.GetTokenAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Token for {token.InstanceUrl.GetLeftPart(UriPartial.Authority)}.");
        }
        catch (SalesforceAuthenticationException ex)
        {
            return HealthCheckResult.Unhealthy($"No access token: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"The token endpoint is not reachable: {ex.Message}");
        }
    }
}
