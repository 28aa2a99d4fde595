using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>Runs the <see cref="InactivityMonitor"/> every <see cref="RoutingOptions.InactivitySweepInterval"/>.</summary>
internal sealed partial class InactivityWorker(
    InactivityMonitor monitor, IOptions<RoutingOptions> options, TimeProvider timeProvider, ILogger<InactivityWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InactivitySweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await monitor.SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.SweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
