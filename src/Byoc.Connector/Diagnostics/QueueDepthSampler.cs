using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// Reads the inbox and outbox depths and the dead-letter count every sample interval for the <c>byoc.queue.depth</c> and
/// <c>byoc.dead_letters.stored</c> gauges, so a scrape never waits on the database.
/// </summary>
internal sealed partial class QueueDepthSampler(
    IInboxStore inbox,
    IOutboxStore outbox,
    IDeadLetterStore deadLetters,
    ConnectorMetrics metrics,
    IOptions<TelemetryOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
                await Task.Delay(options.Value.QueueSampleInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SampleFailed(logger, ex);
                await Task.Delay(options.Value.QueueSampleInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task SampleAsync(CancellationToken cancellationToken) =>
        metrics.QueueDepths(await inbox.CountPendingAsync(cancellationToken), await outbox.CountPendingAsync(cancellationToken),
            await deadLetters.CountAsync(cancellationToken));
}
