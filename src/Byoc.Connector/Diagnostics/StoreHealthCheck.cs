using Byoc.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Byoc.Connector.Diagnostics;

/// <summary>Ready when the store answers a query on both queues.</summary>
internal sealed class StoreHealthCheck(IInboxStore inbox, IOutboxStore outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await inbox.CountPendingAsync(cancellationToken) + await outbox.CountPendingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{pending} row(s) pending.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The store is not reachable: {ex.GetType().Name}.");
        }
    }
}
