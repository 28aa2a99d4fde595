namespace Byoc.Emulator.Faults;

/// <summary>Revokes every access token at the configured interval (fault injection: clients must re-mint on 401).</summary>
internal sealed partial class TokenRevocationWorker(FaultInjector faults, TimeProvider timeProvider, ILogger<TokenRevocationWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_idlePoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var every = faults.Current.RevokeTokensEvery;
                await Task.Delay(every ?? s_idlePoll, timeProvider, stoppingToken);
                if (every is not null && faults.Current.RevokeTokensEvery is not null)
                {
                    var revoked = faults.RevokeAllTokens();
                    Log.Revoked(logger, revoked);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
