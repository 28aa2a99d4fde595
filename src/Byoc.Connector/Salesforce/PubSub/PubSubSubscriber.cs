using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce.PubSub.Protocol;
using Byoc.Core.Delivery;
using Byoc.Core.Storage;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>
/// Subscribes to the outbound platform event over the Pub/Sub API (interaction-service-api.md §6.7): replays from the
/// stored checkpoint (CUSTOM) or LATEST, tops up flow-control credit long before it runs out, decodes Avro with the
/// schema from GetSchema, hands each event to <see cref="IPlatformEventHandler"/> (which checkpoints it), and reconnects
/// with capped, jittered backoff. A rejected replay id restarts from EARLIEST; the outbox de-duplicates what repeats.
/// </summary>
internal sealed partial class PubSubSubscriber(
    PubSubClientFactory clientFactory,
    ISalesforceTokenProvider tokenProvider,
    IOptions<SalesforceOptions> options,
    IOutboxStore outbox,
    IPlatformEventHandler handler,
    AvroEventDecoder decoder,
    TimeProvider timeProvider,
    ConnectorMetrics metrics,
    ILogger<PubSubSubscriber> logger) : BackgroundService
{
    private bool _replayRejected;
    private int _connects;

    /// <summary>How many streams have been opened; for tests and diagnostics.</summary>
    public int Connects => Volatile.Read(ref _connects);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.PubSub;
        if (!settings.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        var backoff = new RetryPolicy(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, int.MaxValue);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await RunStreamAsync(stoppingToken);
                failures = received ? 0 : failures;
                Log.StreamEnded(logger, settings.Topic!);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stoppingToken.IsCancellationRequested)
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
                if (ex.StatusCode == StatusCode.Unauthenticated || ErrorCode(ex)?.Contains("auth", StringComparison.OrdinalIgnoreCase) == true)
                {
                    await RenewTokenAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never let the subscriber die silently: log, back off, reconnect.
                Log.SubscriberError(logger, settings.Topic!, ex);
            }

            failures++;
            metrics.PubSubReconnect();
            var delay = backoff.GetDelay(failures);
            Log.Reconnecting(logger, settings.Topic!, delay, failures);
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> RunStreamAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pubSub = settings.PubSub;
        var topic = pubSub.Topic!;
        var token = await tokenProvider.GetTokenAsync(cancellationToken);
        var headers = Headers(token, settings);
        var stored = _replayRejected ? null : await outbox.GetReplayIdAsync(topic, cancellationToken);
        var first = new FetchRequest { TopicName = topic, NumRequested = pubSub.BatchSize };
        if (stored is not null)
        {
            first.ReplayPreset = ReplayPreset.Custom;
            first.ReplayId = ByteString.CopyFrom(stored);
        }
        else
        {
            // After a rejected replay id, replay everything retained rather than lose events; duplicates are dropped by the outbox.
            first.ReplayPreset = _replayRejected ? ReplayPreset.Earliest : ReplayPreset.Latest;
        }

        using var call = clientFactory.Client.Subscribe(headers, cancellationToken: cancellationToken);
        Interlocked.Increment(ref _connects);
        await call.RequestStream.WriteAsync(first, cancellationToken);
        Log.Subscribed(logger, topic, first.ReplayPreset.ToString());
        metrics.PubSubConnected(true);
        using var disconnected = new StreamStateReset(metrics);
        var pending = pubSub.BatchSize;
        var received = false;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            foreach (var consumerEvent in response.Events)
            {
                await HandleAsync(consumerEvent, topic, headers, cancellationToken);
                received = true;
                _replayRejected = false;
            }

            pending = response.PendingNumRequested;
            // Top up when half the credit is used, so the server never sees zero pending (it closes idle streams ~70 s
            // after pending reaches 0).
            if (pending <= pubSub.BatchSize / 2)
            {
                var more = pubSub.BatchSize - pending;
                await call.RequestStream.WriteAsync(new FetchRequest { TopicName = topic, NumRequested = more }, cancellationToken);
                pending += more;
            }
        }

        return received;
    }

    private async Task HandleAsync(ConsumerEvent consumerEvent, string topic, Metadata headers, CancellationToken cancellationToken)
    {
        var pubSub = options.Value.PubSub;
        var producerEvent = consumerEvent.Event;
        if (!decoder.HasSchema(producerEvent.SchemaId))
        {
            var schema = await clientFactory.Client.GetSchemaAsync(new SchemaRequest { SchemaId = producerEvent.SchemaId }, headers,
                deadline: timeProvider.GetUtcNow().UtcDateTime + pubSub.CallDeadline, cancellationToken: cancellationToken);
            decoder.AddSchema(producerEvent.SchemaId, schema.SchemaJson);
            Log.SchemaLoaded(logger, producerEvent.SchemaId);
        }

        var (eventType, payload) = decoder.Decode(producerEvent.SchemaId, producerEvent.Payload.Memory, pubSub.EventTypeField!, pubSub.PayloadField!);
        await handler.HandleAsync(new PlatformEvent(topic, producerEvent.Id, consumerEvent.ReplayId.ToByteArray(), eventType, payload),
            cancellationToken);
    }

    private async Task RenewTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await tokenProvider.GetTokenAsync(cancellationToken);
            await tokenProvider.RenewAsync(current, cancellationToken);
        }
        catch (SalesforceAuthenticationException ex)
        {
            Log.TokenRenewalFailed(logger, ex.Message);
        }
    }

    private static Metadata Headers(SalesforceToken token, SalesforceOptions settings) => new()
    {
        { "accesstoken", token.AccessToken },
        { "instanceurl", (settings.InstanceUrl ?? token.InstanceUrl).GetLeftPart(UriPartial.Authority) },
        { "tenantid", settings.OrgId! },
    };

    private static string? ErrorCode(RpcException ex) =>
        ex.Trailers.GetValue("error-code") ?? ex.Trailers.GetValue("x-sfdc-error-code");

    private static bool IsReplayRejected(RpcException ex) =>
        ErrorCode(ex) is { } code
        && (code.Contains("replayid.validation.failed", StringComparison.OrdinalIgnoreCase)
            || code.Contains("replayid.corrupted", StringComparison.OrdinalIgnoreCase));
}
