using Byoc.Emulator.Events;
using Byoc.Emulator.Faults;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;
using Byoc.Emulator.PubSub.Grpc;
using Google.Protobuf;
using Grpc.Core;

namespace Byoc.Emulator.PubSub;

/// <summary>
/// The Pub/Sub API (interaction-service-api.md §6.7, Appendix A): GetTopic, GetSchema, pull-based Subscribe with flow control,
/// replay presets and keep-alives, and Publish for tests. Every call must carry <c>accesstoken</c>, <c>instanceurl</c> and
/// <c>tenantid</c> metadata (UNAUTHENTICATED otherwise).
/// </summary>
internal sealed partial class PubSubService(
    EventBus bus, PubSubCallAuthenticator authenticator, OrgIdentity org, EmulatorOptions options, FaultInjector faults, TimeProvider timeProvider,
    ILogger<PubSubService> logger) : Grpc.PubSub.PubSubBase
{
    /// <summary>The most events one FetchRequest may ask for.</summary>
    public const int MaxNumRequested = 100;

    public override Task<TopicInfo> GetTopic(TopicRequest request, ServerCallContext context)
    {
        Authenticate(context);
        var topic = FindTopic(request.TopicName);
        return Task.FromResult(new TopicInfo
        {
            TopicName = topic.TopicName,
            TenantGuid = org.OrgId18,
            CanPublish = true,
            CanSubscribe = true,
            SchemaId = topic.SchemaId,
            RpcId = Guid.NewGuid().ToString(),
        });
    }

    public override Task<SchemaInfo> GetSchema(SchemaRequest request, ServerCallContext context)
    {
        Authenticate(context);
        var schema = bus.FindSchema(request.SchemaId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No schema with id '{request.SchemaId}'."));
        return Task.FromResult(new SchemaInfo { SchemaId = schema.SchemaId, SchemaJson = schema.SchemaJson, RpcId = Guid.NewGuid().ToString() });
    }

    public override Task<PublishResponse> Publish(PublishRequest request, ServerCallContext context)
    {
        Authenticate(context);
        var topic = FindTopic(request.TopicName);
        var response = new PublishResponse { SchemaId = topic.SchemaId, RpcId = Guid.NewGuid().ToString() };
        foreach (var producerEvent in request.Events)
        {
            var correlationKey = string.IsNullOrEmpty(producerEvent.Id) ? Guid.NewGuid().ToString() : producerEvent.Id;
            if (producerEvent.SchemaId != topic.SchemaId)
            {
                response.Results.Add(new PublishResult
                {
                    CorrelationKey = correlationKey,
                    Error = new Error { Code = ErrorCode.Publish, Msg = $"Schema '{producerEvent.SchemaId}' is not the topic's schema '{topic.SchemaId}'." },
                });
                continue;
            }

            var stored = bus.Append(topic.TopicName, correlationKey, topic.SchemaId, producerEvent.Payload.ToByteArray());
            response.Results.Add(new PublishResult { CorrelationKey = correlationKey, ReplayId = ByteString.CopyFrom(stored.ReplayIdBytes) });
        }

        return Task.FromResult(response);
    }

    public override async Task Subscribe(
        IAsyncStreamReader<FetchRequest> requestStream, IServerStreamWriter<FetchResponse> responseStream, ServerCallContext context)
    {
        Authenticate(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        var topic = FindTopic(first.TopicName);
        CheckNumRequested(first.NumRequested);
        var cursor = StartAfter(first, topic.TopicName);
        var subscription = new Subscription(first.NumRequested, timeProvider.GetUtcNow());
        using var readerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = ReadRequestsAsync(requestStream, topic.TopicName, subscription, readerCts.Token);
        Log.Subscribed(logger, topic.TopicName, cursor, first.NumRequested);
        // The position is fixed: answer with the response headers at once, so the client knows it is subscribed (and that
        // nothing published from now on can be missed) without waiting for a first event or keep-alive.
        await context.WriteResponseHeadersAsync([]);
        try
        {
            await ServeAsync(responseStream, topic.TopicName, cursor, subscription, reader, cancellationToken);
        }
        finally
        {
            await readerCts.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception exception) when (exception is OperationCanceledException or RpcException or IOException or InvalidOperationException)
            {
                // The stream is over; its request reader has nothing more to say.
            }
        }
    }

    private async Task ServeAsync(
        IServerStreamWriter<FetchResponse> responseStream, string topicName, long cursor, Subscription subscription, Task reader,
        CancellationToken cancellationToken)
    {
        var rpcId = Guid.NewGuid().ToString();
        var lastSent = timeProvider.GetUtcNow();
        long delivered = 0;
        // Once the client half-closes its request stream there is no more credit to wait for; a completed reader must not
        // wake the loop again and again.
        var readerWatch = reader;
        while (!cancellationToken.IsCancellationRequested)
        {
            var appended = bus.NextAppendAsync();
            var requested = subscription.NextRequestAsync();
            var credit = subscription.Credit;
            if (credit > 0)
            {
                var events = bus.ReadAfter(topicName, cursor, Math.Min(credit, MaxNumRequested));
                if (events.Count > 0)
                {
                    var remaining = subscription.Take(events.Count, timeProvider.GetUtcNow());
                    var response = new FetchResponse
                    {
                        LatestReplayId = ByteString.CopyFrom(events[^1].ReplayIdBytes),
                        RpcId = rpcId,
                        PendingNumRequested = remaining,
                    };
                    response.Events.AddRange(events.Select(e => new ConsumerEvent
                    {
                        ReplayId = ByteString.CopyFrom(e.ReplayIdBytes),
                        Event = new ProducerEvent { Id = e.EventId, SchemaId = e.SchemaId, Payload = ByteString.CopyFrom(e.Payload) },
                    }));
                    await responseStream.WriteAsync(response, cancellationToken);
                    cursor = events[^1].ReplayId;
                    delivered += events.Count;
                    lastSent = timeProvider.GetUtcNow();
                    if (faults.ShouldDropStream(delivered))
                    {
                        Log.StreamDropped(logger, topicName, delivered);
                        throw new RpcException(new Status(StatusCode.Unavailable, "The stream was dropped (fault injection)."),
                            new global::Grpc.Core.Metadata { { "error-code", "service.unavailable" } });
                    }

                    continue;
                }
            }

            var now = timeProvider.GetUtcNow();
            var deadline = credit > 0 ? lastSent + options.PubSubKeepAlive : subscription.IdleSince + options.PubSubIdleTimeout;
            if (deadline <= now)
            {
                if (credit <= 0)
                {
                    Log.IdleClosed(logger, topicName);
                    return;
                }

                // Keep-alive: an empty response carrying the position, so the client can store it (§6.7).
                await responseStream.WriteAsync(new FetchResponse
                {
                    LatestReplayId = ByteString.CopyFrom(ReplayIds.ToBytes(cursor)),
                    RpcId = rpcId,
                    PendingNumRequested = credit,
                }, cancellationToken);
                lastSent = now;
                continue;
            }

            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(deadline - now, timeProvider, delayCts.Token);
            await Task.WhenAny(appended, requested, delay, readerWatch);
            await delayCts.CancelAsync();
            if (reader.IsFaulted)
            {
                await reader;
            }

            if (reader.IsCompleted && readerWatch == reader)
            {
                readerWatch = Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    private static async Task ReadRequestsAsync(
        IAsyncStreamReader<FetchRequest> requestStream, string topicName, Subscription subscription, CancellationToken cancellationToken)
    {
        while (await requestStream.MoveNext(cancellationToken))
        {
            var request = requestStream.Current;
            if (request.TopicName.Length > 0 && request.TopicName != topicName)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "A subscription's later FetchRequests must name the same topic."));
            }

            CheckNumRequested(request.NumRequested);
            subscription.Add(request.NumRequested);
        }
    }

    private long StartAfter(FetchRequest first, string topicName)
    {
        switch (first.ReplayPreset)
        {
            case ReplayPreset.Earliest:
                return bus.Earliest(topicName);
            case ReplayPreset.Custom:
                if (!ReplayIds.TryRead(first.ReplayId.Span, out var replayId))
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "The replay id is corrupted."),
                        new global::Grpc.Core.Metadata { { "error-code", "fetch.replayid.corrupted" } });
                }

                if (!bus.IsValidReplayId(topicName, replayId))
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "The replay id is not valid for this topic (outside the retention window)."),
                        new global::Grpc.Core.Metadata { { "error-code", "fetch.replayid.validation.failed" } });
                }

                return replayId;
            default:
                return bus.Tip;
        }
    }

    private static void CheckNumRequested(int numRequested)
    {
        if (numRequested is < 1 or > MaxNumRequested)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"num_requested must be between 1 and {MaxNumRequested}."));
        }
    }

    private Events.PlatformEventSchema FindTopic(string topicName) =>
        bus.FindTopic(topicName) ?? throw new RpcException(new Status(StatusCode.NotFound, $"Topic '{topicName}' does not exist."));

    private void Authenticate(ServerCallContext context) => authenticator.Authenticate(context);
}
