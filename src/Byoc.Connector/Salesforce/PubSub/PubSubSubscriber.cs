using Byoc.Connector.Diagnostics;
using Byoc.Core.Delivery;
using Byoc.Core.Storage;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>
/// Subscribes to the outbound platform event over the Pub/Sub API (interaction-service-api.md §6.7): replays from the
/// stored checkpoint (CUSTOM) or LATEST, tops up flow-control credit long before it runs out, decodes Avro with the
/// schema from GetSchema, hands each event to <see cref="IPlatformEventHandler"/> (which checkpoints it), and reconnects
/// with capped, jittered backoff. A rejected replay id restarts from EARLIEST; the outbox de-duplicates what repeats.
/// Only the instance that leads (<see cref="ILeaderElection"/>) subscribes; the others stand by and take over when it dies.
/// </summary>
internal sealed partial class PubSubSubscriber(
    PubSubClientFactory clientFactory,
    ISalesforceTokenProvider tokenProvider,
    IOptions<SalesforceOptions> options,
    IOutboxStore outbox,
    IPlatformEventHandler handler,
    AvroEventDecoder decoder,
    ILeaderElection leaderElection,
    TimeProvider timeProvider,
    ConnectorMetrics metrics,
    ILogger<PubSubSubscriber> logger) : BackgroundService
{
    private const string LeadershipName = "pubsub-subscriber";

    private bool _replayRejected;
    private bool _streamResponded;
    private int _connects;

    /// <summary>How many subscriptions the server confirmed (it answered the first FetchRequest's stream); for tests and readiness.</summary>
    public int Connects => Volatile.Read(ref _connects);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.PubSub;
        if (!settings.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var leadership = await LeadAsync(stoppingToken);
            if (leadership is null)
            {
                return;
            }

            await using (leadership)
            {
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadership.Lost);
                await SubscribeAsync(leading.Token);
                if (!stoppingToken.IsCancellationRequested)
                {
                    Log.LeadershipLost(logger, settings.Topic!);
                }
            }
        }
    }

    /// <summary>Waits until this instance leads; null when stopping first.</summary>
    private async Task<ILeadership?> LeadAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.PubSub;
        var standingBy = false;
        while (true)
        {
            try
            {
                if (await leaderElection.TryAcquireAsync(LeadershipName, stoppingToken) is { } leadership)
                {
                    metrics.PubSubStandingBy(false);
                    return leadership;
                }

                if (!standingBy)
                {
                    standingBy = true;
                    metrics.PubSubStandingBy(true);
                    Log.StandingBy(logger, settings.Topic!, settings.StandbyRetryInterval);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                Log.LeaderElectionFailed(logger, settings.Topic!, ex);
            }

            try
            {
                await Task.Delay(settings.StandbyRetryInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>Subscribes and resubscribes until the token is cancelled (stopping, or the leadership was lost).</summary>
    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.PubSub;
        var backoff = new RetryPolicy(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, int.MaxValue);
        var failures = 0;
        var retryingWithFreshToken = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            _streamResponded = false;
            try
            {
                await RunStreamAsync(cancellationToken);
                Log.StreamEnded(logger, settings.Topic!);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                // Our own shutdown cancelled the call: not a stream failure.
                return;
            }
            catch (RpcException ex) when (IsReplayRejected(ex))
            {
                Log.ReplayRejected(logger, settings.Topic!, ErrorCode(ex));
                _replayRejected = true;
                continue;
            }
            catch (RpcException ex)
            {
                Log.StreamFailed(logger, settings.Topic!, ex.StatusCode, ErrorCode(ex), ex.Status.Detail);
                if (IsAuthenticationFailure(ex) && await RenewTokenAsync(cancellationToken) && !retryingWithFreshToken)
                {
                    // The token went stale while the stream ran or while we waited (expired, or revoked): try the fresh one at
                    // once. Waiting first would let it go stale in turn wherever tokens are revoked faster than the backoff
                    // grows, and every refusal would lengthen the wait until the subscriber never got back in. Only a fresh
                    // token that is refused as well counts as a failure and backs off.
                    retryingWithFreshToken = true;
                    metrics.PubSubReconnect();
                    Log.ResubscribingWithRenewedToken(logger, settings.Topic!);
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never let the subscriber die silently: log, back off, reconnect.
                Log.SubscriberError(logger, settings.Topic!, ex);
            }

            retryingWithFreshToken = false;
            metrics.PubSubReconnect();
            // A stream that worked before it ended (a drop every N events, a revoked token) starts the backoff afresh;
            // only failures in a row grow it, otherwise regular drops would push every reconnect towards the maximum.
            failures = _streamResponded ? 1 : failures + 1;
            var delay = backoff.GetDelay(failures);
            Log.Reconnecting(logger, settings.Topic!, delay, failures);
            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Mints a new token in place of the refused one; false when the org would not issue one (logged).</summary>
    private async Task<bool> RenewTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await tokenProvider.GetTokenAsync(cancellationToken);
            await tokenProvider.RenewAsync(current, cancellationToken);
            return true;
        }
        catch (SalesforceAuthenticationException ex)
        {
            Log.TokenRenewalFailed(logger, ex.Message);
            return false;
        }
    }

    private static bool IsAuthenticationFailure(RpcException ex) =>
        ex.StatusCode == StatusCode.Unauthenticated || ErrorCode(ex)?.Contains("auth", StringComparison.OrdinalIgnoreCase) == true;

    private static string? ErrorCode(RpcException ex) =>
        ex.Trailers.GetValue("error-code") ?? ex.Trailers.GetValue("x-sfdc-error-code");

    private static bool IsReplayRejected(RpcException ex) =>
        ErrorCode(ex) is { } code
        && (code.Contains("replayid.validation.failed", StringComparison.OrdinalIgnoreCase)
            || code.Contains("replayid.corrupted", StringComparison.OrdinalIgnoreCase));
}
