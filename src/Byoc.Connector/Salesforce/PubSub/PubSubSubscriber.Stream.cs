using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce.PubSub.Protocol;
using Byoc.Core.Storage;
using Google.Protobuf;
using Grpc.Core;

namespace Byoc.Connector.Salesforce.PubSub;

internal sealed partial class PubSubSubscriber
{
    /// <summary>One Subscribe call, from the first FetchRequest until the server ends the stream or it fails.</summary>
    private async Task RunStreamAsync(CancellationToken cancellationToken)
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
        await call.RequestStream.WriteAsync(first, cancellationToken);
        // Subscribed means the server took the FetchRequest: a LATEST subscription starts at the server's position when it
        // does, so an event published before that (an agent's first reply right after start-up) would never arrive.
        // UNCONFIRMED: that Salesforce sends the response headers once it accepted the subscription (interaction-service-api.md
        // §6.7 says nothing); a server that sends them only with its first response makes this wait until then, which is
        // later but still correct.
        await call.ResponseHeadersAsync.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _connects);
        Log.Subscribed(logger, topic, first.ReplayPreset.ToString());
        metrics.PubSubConnected(true);
        using var disconnected = new StreamStateReset(metrics);
        var pending = pubSub.BatchSize;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            _streamResponded = true;
            foreach (var consumerEvent in response.Events)
            {
                await HandleAsync(consumerEvent, topic, token, cancellationToken);
                _replayRejected = false;
            }

            if (response.Events.Count == 0 && !response.LatestReplayId.IsEmpty)
            {
                // A keep-alive carries the stream's position after every event already handled: store it, so that a first
                // LATEST subscription has a position to resume from even before its first event (a crash right after
                // start-up would otherwise resubscribe at LATEST and skip what was published while it was down).
                await outbox.TryAddWithCheckpointAsync(null, new ReplayCheckpoint(topic, response.LatestReplayId.ToByteArray()), cancellationToken);
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
    }

    private async Task HandleAsync(ConsumerEvent consumerEvent, string topic, SalesforceToken token, CancellationToken cancellationToken)
    {
        var pubSub = options.Value.PubSub;
        var producerEvent = consumerEvent.Event;
        if (!decoder.HasSchema(producerEvent.SchemaId))
        {
            await LoadSchemaAsync(producerEvent.SchemaId, token, cancellationToken);
        }

        var (eventType, payload) = decoder.Decode(producerEvent.SchemaId, producerEvent.Payload.Memory, pubSub.EventTypeField!, pubSub.PayloadField!);
        await handler.HandleAsync(new PlatformEvent(topic, producerEvent.Id, consumerEvent.ReplayId.ToByteArray(), eventType, payload),
            cancellationToken);
    }

    /// <summary>
    /// GetSchema with the stream's token; when it was revoked since the stream opened (the open stream itself is not
    /// affected), renews it and asks once more, instead of dropping a working stream.
    /// </summary>
    private async Task LoadSchemaAsync(string schemaId, SalesforceToken token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = new SchemaRequest { SchemaId = schemaId };
        SchemaInfo schema;
        try
        {
            schema = await clientFactory.Client.GetSchemaAsync(request, Headers(token, settings),
                deadline: timeProvider.GetUtcNow().UtcDateTime + settings.PubSub.CallDeadline, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            var renewed = await tokenProvider.RenewAsync(token, cancellationToken);
            schema = await clientFactory.Client.GetSchemaAsync(request, Headers(renewed, settings),
                deadline: timeProvider.GetUtcNow().UtcDateTime + settings.PubSub.CallDeadline, cancellationToken: cancellationToken);
        }

        decoder.AddSchema(schemaId, schema.SchemaJson);
        Log.SchemaLoaded(logger, schemaId);
    }

    private static Metadata Headers(SalesforceToken token, SalesforceOptions settings) => new()
    {
        { "accesstoken", token.AccessToken },
        { "instanceurl", (settings.InstanceUrl ?? token.InstanceUrl).GetLeftPart(UriPartial.Authority) },
        { "tenantid", settings.OrgId! },
    };
}
