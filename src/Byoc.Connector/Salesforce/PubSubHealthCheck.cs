using Byoc.Connector.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// Ready when the Pub/Sub stream is open, when another instance holds the subscription (this one stands by to take over),
/// or when the subscriber is turned off.
/// </summary>
internal sealed class PubSubHealthCheck(ConnectorMetrics metrics, IOptions<SalesforceOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.PubSub.Enabled ? HealthCheckResult.Healthy("The subscriber is turned off.")
            : metrics.IsPubSubConnected ? HealthCheckResult.Healthy($"Subscribed to {options.Value.PubSub.Topic}.")
            : metrics.IsPubSubStandingBy ? HealthCheckResult.Healthy($"Standing by: another instance is subscribed to {options.Value.PubSub.Topic}.")
            : HealthCheckResult.Unhealthy($"Not subscribed to {options.Value.PubSub.Topic}; reconnecting."));
}
