using Byoc.Connector.Tests.Salesforce.PubSub.Server;
using Google.Protobuf;
using Grpc.Core;

namespace Byoc.Connector.Tests.Salesforce.PubSub;

/// <summary>Just enough of <c>eventbus.v1.PubSub</c>: Subscribe with flow control and replay presets, and GetSchema.</summary>
internal sealed class FakePubSubService(FakePubSubState state) : Server.PubSub.PubSubBase
{
    private int _connections;

    public override async Task Subscribe(IAsyncStreamReader<FetchRequest> requestStream, IServerStreamWriter<FetchResponse> responseStream,
        ServerCallContext context)
    {
        var number = Interlocked.Increment(ref _connections);
        state.Headers.Enqueue(context.RequestHeaders.Where(h => !h.IsBinary).ToDictionary(h => h.Key, h => h.Value));
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        if (state.RejectTokenOnce)
        {
            state.RejectTokenOnce = false;
            throw new RpcException(new Status(StatusCode.Unauthenticated, "token expired"));
        }

        if (state.IsRevoked is { } isRevoked && isRevoked(context.RequestHeaders.GetValue("accesstoken") ?? string.Empty))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "token revoked"));
        }

        state.Subscriptions.Enqueue(new FakePubSubState.Subscription(number, first.TopicName, first.ReplayPreset.ToString(),
            first.ReplayId.ToByteArray(), first.NumRequested));
        if (first.ReplayPreset == ReplayPreset.Custom && state.RejectCustomReplayWith is { } code)
        {
            state.RejectCustomReplayWith = null;
            throw new RpcException(new Status(StatusCode.InvalidArgument, "replay id rejected"), new Metadata { { "error-code", code } });
        }

        var position = first.ReplayPreset switch
        {
            ReplayPreset.Custom => state.IndexAfter(first.ReplayId),
            ReplayPreset.Earliest => 0,
            _ => state.Count,
        };
        if (position < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "unknown replay id"),
                new Metadata { { "error-code", "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed" } });
        }

        await context.WriteResponseHeadersAsync([]);
        if (state.KeepAliveOnSubscribe is { } keepAlive)
        {
            await responseStream.WriteAsync(new FetchResponse
            {
                LatestReplayId = ByteString.CopyFrom(keepAlive),
                PendingNumRequested = first.NumRequested,
                RpcId = Guid.NewGuid().ToString(),
            });
        }

        var credit = first.NumRequested;
        var creditLock = new Lock();
        var reader = Task.Run(async () =>
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                state.TopUps.Enqueue(requestStream.Current.NumRequested);
                lock (creditLock)
                {
                    credit += requestStream.Current.NumRequested;
                }
            }
        }, context.CancellationToken);

        var sent = 0;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            if (state.DropAfter.TryGetValue(number, out var dropAfter) && sent >= dropAfter)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "stream dropped by the test"));
            }

            var next = state.EventAt(position);
            var take = false;
            int remaining;
            lock (creditLock)
            {
                if (next is not null && credit > 0)
                {
                    credit--;
                    take = true;
                }

                remaining = credit;
            }

            if (take && next is { } e)
            {
                var consumerEvent = new ConsumerEvent
                {
                    Event = new ProducerEvent { Id = e.Id, SchemaId = FakePubSubState.SchemaId, Payload = ByteString.CopyFrom(e.Payload) },
                    ReplayId = ByteString.CopyFrom(e.ReplayId),
                };
                await responseStream.WriteAsync(new FetchResponse
                {
                    Events = { consumerEvent },
                    LatestReplayId = ByteString.CopyFrom(e.ReplayId),
                    PendingNumRequested = remaining,
                    RpcId = Guid.NewGuid().ToString(),
                });
                position++;
                sent++;
            }
            else
            {
                if (next is not null)
                {
                    state.ObserveStarved(remaining);
                }

                await Task.Delay(10, context.CancellationToken);
            }
        }

        GC.KeepAlive(reader);
    }

    public override Task<SchemaInfo> GetSchema(SchemaRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref state.SchemaRequests);
        return Task.FromResult(new SchemaInfo { SchemaId = request.SchemaId, SchemaJson = FakePubSubState.SchemaJson });
    }
}
