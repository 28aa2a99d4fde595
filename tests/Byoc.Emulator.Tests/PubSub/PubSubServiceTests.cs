using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Tests.Interactions;
using Byoc.Emulator.Tests.PubSub.Client;
using Byoc.TestUtilities.Contracts;
using Byoc.TestUtilities.Salesforce;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.PubSub;

public sealed class PubSubServiceTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientFromDocs_MintPostSubscribe_SeesAgentReplyEvent()
    {
        await using var emulator = await TestEmulator.StartAsync(stateDirectory: null, services => services.AddSingleton<IInboundEntryHandler, EchoAgent>(),
            "--Emulator:PubSubTls=true");
        var credentials = EmulatorApplication.GetCredentials(emulator.App);
        var assertion = JwtAssertion.Create(await File.ReadAllTextAsync(credentials.PrivateKeyFile, Ct), credentials.ConsumerKey,
            credentials.Username, "https://login.salesforce.com", TimeProvider.System.GetUtcNow().AddMinutes(3));
        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(new Uri(credentials.LoginUrl + "/services/oauth2/token"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = assertion }), Ct);
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(Ct))!["access_token"]!.GetValue<string>();
        using var scrt = new ScrtTestClient(emulator, token);
        var (status, accepted) = await scrt.PostInteractionAsync(ScrtTestClient.TextInteraction(credentials.ChannelAddressIdentifier!, "user-42", "hi"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        Assert.True(credentials.PubSubTls);
        using var pubSub = new PubSubTestClient(new Uri(credentials.PubSubUrl), token, credentials.InstanceUrl, credentials.OrgId, credentials.PubSubCaFile);

        var topic = await pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = credentials.TopicName }, pubSub.Metadata, cancellationToken: Ct);
        var schema = await pubSub.GetSchemaAsync(topic.SchemaId);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = credentials.TopicName, ReplayPreset = ReplayPreset.Earliest, NumRequested = 10 }, Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));
        var consumerEvent = Assert.Single(call.ResponseStream.Current.Events);

        var record = PubSubTestClient.Decode(schema, consumerEvent);
        Assert.Equal("Interaction", record[credentials.EventTypeField!]);
        var payload = JsonNode.Parse((string)record[credentials.PayloadField!])!;
        ContractValidator.OutboundWhenPresent?.AssertValid(payload, "InteractionEvent");
        Assert.Equal(accepted["conversationIdentifier"]!.GetValue<string>(), payload["conversationIdentifier"]!.GetValue<string>());
        Assert.Equal(credentials.ChannelAddressIdentifier, payload["channelAddressIdentifier"]!.GetValue<string>());
        Assert.Equal("user-42", payload["recipient"]!["subject"]!.GetValue<string>());
        Assert.Equal("EndUser", payload["recipient"]!["role"]!.GetValue<string>());
        Assert.Equal("Message", payload["payload"]!["entryType"]!.GetValue<string>());
        Assert.Equal("echo: hi", payload["payload"]!["entryPayload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
        Assert.Equal(topic.SchemaId, consumerEvent.Event.SchemaId);
    }

    [Fact]
    [Trait("Category", "Contract")]
    public async Task WithRoutingAndAgent_EndUserMessage_AgentReplyArrivesOverPubSubPerContract()
    {
        await using var emulator = await TestEmulator.StartAsync(null, null, withRouting: true);
        using var scrt = await ScrtTestClient.CreateAsync(emulator);
        var (status, _) = await scrt.PostInteractionAsync(ScrtTestClient.TextInteraction(scrt.ChannelAddress, "user-7", "Hi, I'd like to book a table"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 100 }, Ct);
        Avro.RecordSchema? schema = null;
        JsonNode? agentMessage = null;

        for (var i = 0; i < 100 && agentMessage is null; i++)
        {
            var next = call.ResponseStream.MoveNext(Ct);
            while (!next.IsCompleted)
            {
                emulator.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(next, Task.Delay(20, Ct));
            }

            Assert.True(await next);
            foreach (var consumerEvent in call.ResponseStream.Current.Events)
            {
                schema ??= await pubSub.GetSchemaAsync(consumerEvent.Event.SchemaId);
                var payload = PubSubTestClient.DecodePayload(schema, consumerEvent);
                ContractValidator.Outbound.AssertValid(payload, "InteractionEvent");
                if (payload["payload"]!["entryType"]!.GetValue<string>() == "Message" &&
                    payload["payload"]!["sender"]!["role"]!.GetValue<string>() == "Chatbot")
                {
                    agentMessage = payload;
                }
            }
        }

        Assert.NotNull(agentMessage);
        Assert.Equal("user-7", agentMessage["recipient"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_CreditExhausted_DeliversOnlyRequestedUntilMoreRequested()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        for (var i = 0; i < 5; i++)
        {
            await PublishTextAsync(emulator, address, $"m{i}");
        }

        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 3 }, Ct);
        var first = await NextAsync(call);
        Assert.Equal(3, first.Events.Count);
        Assert.Equal(0, first.PendingNumRequested);
        var pending = call.ResponseStream.MoveNext(Ct);
        await Task.Delay(200, Ct);
        Assert.False(pending.IsCompleted);

        await call.RequestStream.WriteAsync(new FetchRequest { NumRequested = 10 }, Ct);
        Assert.True(await pending.WaitAsync(s_timeout, Ct));
        var second = call.ResponseStream.Current;
        Assert.Equal(2, second.Events.Count);
        Assert.Equal(8, second.PendingNumRequested);
        var ids = first.Events.Concat(second.Events).Select(e => PubSubTestClient.ReplayId(e.ReplayId)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task Subscribe_IdleWithCredit_SendsKeepAliveWithLatestReplayId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        await PublishTextAsync(emulator, address, "before");
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 5 }, Ct);
        var delivered = await NextAsync(call);

        var keepAlive = await AdvanceUntilAsync(emulator, call.ResponseStream.MoveNext(Ct), TimeSpan.FromSeconds(30));

        Assert.True(keepAlive);
        Assert.Empty(call.ResponseStream.Current.Events);
        Assert.Equal(delivered.LatestReplayId, call.ResponseStream.Current.LatestReplayId);
        Assert.Equal(4, call.ResponseStream.Current.PendingNumRequested);
    }

    [Fact]
    public async Task Subscribe_NoCreditLeft_ClosesStreamAfterIdleTimeout()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        await PublishTextAsync(emulator, address, "only");
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 1 }, Ct);
        await NextAsync(call);

        var more = await AdvanceUntilAsync(emulator, call.ResponseStream.MoveNext(Ct), TimeSpan.FromSeconds(10));

        Assert.False(more);
    }

    [Fact]
    public async Task Subscribe_CustomReplayAfterReconnect_NoGapsNoDuplicates()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        for (var i = 0; i < 4; i++)
        {
            await PublishTextAsync(emulator, address, $"m{i}");
        }

        var seen = new List<string>();
        long stored;
        using (var call = pubSub.Subscribe())
        {
            await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 2 }, Ct);
            var response = await NextAsync(call);
            seen.AddRange(response.Events.Select(e => e.Event.Id));
            stored = PubSubTestClient.ReplayId(response.LatestReplayId);
        }

        for (var i = 4; i < 6; i++)
        {
            await PublishTextAsync(emulator, address, $"m{i}");
        }

        using var resumed = pubSub.Subscribe();
        await resumed.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = PubSubTestClient.Topic,
            ReplayPreset = ReplayPreset.Custom,
            ReplayId = PubSubTestClient.ReplayIdBytes(stored),
            NumRequested = 100,
        }, Ct);
        var rest = await NextAsync(resumed);
        seen.AddRange(rest.Events.Select(e => e.Event.Id));

        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
        var schema = await pubSub.GetSchemaAsync(rest.Events[0].Event.SchemaId);
        var texts = rest.Events.Select(e => PubSubTestClient.DecodePayload(schema, e)["payload"]!["entryPayload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
        Assert.Equal(["m2", "m3", "m4", "m5"], texts);
    }

    [Theory]
    [InlineData(4, "fetch.replayid.corrupted")]
    [InlineData(8, "fetch.replayid.validation.failed")]
    public async Task Subscribe_BadReplayId_FailsWithErrorCodeTrailer(int length, string errorCode)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var replayId = length == 8 ? PubSubTestClient.ReplayIdBytes(long.MaxValue / 2) : Google.Protobuf.ByteString.CopyFrom(1, 2, 3, 4);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = PubSubTestClient.Topic,
            ReplayPreset = ReplayPreset.Custom,
            ReplayId = replayId,
            NumRequested = 1,
        }, Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(errorCode, error.Trailers.GetValue("error-code"));
    }

    [Fact]
    public async Task Subscribe_ClientHalfClosedWithCredit_StillDeliversLaterEvents()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 5 }, Ct);
        await call.RequestStream.CompleteAsync();
        await Task.Delay(100, Ct);

        await PublishTextAsync(emulator, address, "late");

        var response = await NextAsync(call);
        Assert.Single(response.Events);
        Assert.Equal(4, response.PendingNumRequested);
    }

    [Fact]
    public async Task Subscribe_LatestPreset_OnlyEventsPublishedAfterSubscribing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        await PublishTextAsync(emulator, address, "old");
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Latest, NumRequested = 5 }, Ct);
        await AdvanceUntilAsync(emulator, call.ResponseStream.MoveNext(Ct), TimeSpan.FromSeconds(30));

        var newId = await PublishTextAsync(emulator, address, "new");

        var response = await NextAsync(call);
        var schema = await pubSub.GetSchemaAsync(response.Events[0].Event.SchemaId);
        Assert.Equal(newId, PubSubTestClient.DecodePayload(schema, Assert.Single(response.Events))["payload"]!["identifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_NumRequestedOverMax_InvalidArgument()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, NumRequested = 101 }, Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Subscribe_AfterRetention_OldEventsGoneAndTheirReplayIdInvalid()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        await PublishTextAsync(emulator, address, "old");
        var oldReplayId = emulator.Get<Byoc.Emulator.Events.EventBus>().LatestOf(PubSubTestClient.Topic);
        await PublishTextAsync(emulator, address, "older-than-retention-too");
        emulator.Time.Advance(TimeSpan.FromHours(73));
        var freshId = await PublishTextAsync(emulator, address, "fresh");
        pubSub.Metadata.Remove(pubSub.Metadata.Get("accesstoken")!);
        pubSub.Metadata.Add("accesstoken", await emulator.GetAccessTokenAsync());

        using var earliest = pubSub.Subscribe();
        await earliest.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 10 }, Ct);
        var response = await NextAsync(earliest);
        using var custom = pubSub.Subscribe();
        await custom.RequestStream.WriteAsync(new FetchRequest
        {
            TopicName = PubSubTestClient.Topic,
            ReplayPreset = ReplayPreset.Custom,
            ReplayId = PubSubTestClient.ReplayIdBytes(oldReplayId),
            NumRequested = 10,
        }, Ct);
        var error = await Assert.ThrowsAsync<RpcException>(() => custom.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));

        var schema = await pubSub.GetSchemaAsync(response.Events[0].Event.SchemaId);
        Assert.Equal(freshId, PubSubTestClient.DecodePayload(schema, Assert.Single(response.Events))["payload"]!["identifier"]!.GetValue<string>());
        Assert.Equal("fetch.replayid.validation.failed", error.Trailers.GetValue("error-code"));
    }

    [Fact]
    public async Task GetTopic_WithoutMetadata_Unauthenticated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = PubSubTestClient.Topic }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task GetTopic_WrongTenant_Unauthenticated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var valid = await PubSubTestClient.CreateAsync(emulator);
        var token = valid.Metadata.GetValue("accesstoken")!;
        using var pubSub = new PubSubTestClient(emulator.Addresses.PubSubUrl, token, emulator.Addresses.InstanceUrl.ToString(), "00D000000000001AAA");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = PubSubTestClient.Topic }, pubSub.Metadata, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Publish_EventWithTopicSchema_IsDeliveredToSubscribers()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var topic = await pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = PubSubTestClient.Topic }, pubSub.Metadata, cancellationToken: Ct);
        var schema = await pubSub.GetSchemaAsync(topic.SchemaId);
        var record = new Avro.Generic.GenericRecord(schema);
        record.Add("CreatedDate", 1L);
        record.Add("CreatedById", "005000000000001");
        record.Add("EventType__c", "Interaction");
        record.Add("Payload__c", "{}");
        using var stream = new MemoryStream();
        new Avro.Generic.GenericDatumWriter<Avro.Generic.GenericRecord>(schema).Write(record, new Avro.IO.BinaryEncoder(stream));

        var published = await pubSub.Client.PublishAsync(new PublishRequest
        {
            TopicName = PubSubTestClient.Topic,
            Events = { new ProducerEvent { Id = "e-1", SchemaId = topic.SchemaId, Payload = Google.Protobuf.ByteString.CopyFrom(stream.ToArray()) } },
        }, pubSub.Metadata, cancellationToken: Ct);

        var result = Assert.Single(published.Results);
        Assert.Null(result.Error);
        Assert.Equal("e-1", result.CorrelationKey);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 1 }, Ct);
        var delivered = Assert.Single((await NextAsync(call)).Events);
        Assert.Equal(result.ReplayId, delivered.ReplayId);
        Assert.Equal("{}", PubSubTestClient.DecodePayload(schema, delivered).ToJsonString());
    }

    [Fact]
    public async Task Subscribe_AfterRestart_ReplaysPersistedEvents()
    {
        var state = Path.Combine(Path.GetTempPath(), "byoc-emulator-tests", Guid.NewGuid().ToString("N"));
        var first = await TestEmulator.StartAsync(state, configureServices: null, "--Emulator:InMemory=false");
        var address = await ConversationAsync(first);
        await PublishTextAsync(first, address, "persisted");
        await first.StopAsync();

        await using var second = await TestEmulator.StartAsync(state, configureServices: null, "--Emulator:InMemory=false");
        using var pubSub = await PubSubTestClient.CreateAsync(second);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 10 }, Ct);
        var response = await NextAsync(call);

        var consumerEvent = Assert.Single(response.Events);
        var schema = await pubSub.GetSchemaAsync(consumerEvent.Event.SchemaId);
        Assert.Equal(address.ConversationIdentifier, PubSubTestClient.DecodePayload(schema, consumerEvent)["conversationIdentifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_DropFaultEveryTwoEvents_StreamFailsUnavailable()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Faults:DropStreamEveryEvents=2");
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await ConversationAsync(emulator);
        for (var i = 0; i < 3; i++)
        {
            await PublishTextAsync(emulator, address, $"m{i}");
        }

        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 2 }, Ct);
        Assert.Equal(2, (await NextAsync(call)).Events.Count);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    internal static async Task<ConversationAddress> ConversationAsync(TestEmulator emulator)
    {
        using var scrt = await ScrtTestClient.CreateAsync(emulator);
        var (_, accepted) = await scrt.PostInteractionAsync(ScrtTestClient.TextInteraction(scrt.ChannelAddress, "user-1", "hello"));
        return Byoc.Emulator.Interactions.ConversationRegistry.Find(emulator.Get<Byoc.Emulator.Org.Records.OrgStore>(),
            accepted["conversationIdentifier"]!.GetValue<string>())!;
    }

    internal static async Task<string> PublishTextAsync(TestEmulator emulator, ConversationAddress address, string text) =>
        await emulator.Get<IConversationEvents>().PublishAsync(new TextMessageEvent(address, EventSender.Rep("005000000000001", "Alex Rivera"), text), Ct);

    private static async Task<FetchResponse> NextAsync(AsyncDuplexStreamingCall<FetchRequest, FetchResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(Ct).WaitAsync(s_timeout, Ct));
        return call.ResponseStream.Current;
    }

    /// <summary>Advances the fake clock in steps until the pending read completes (the server's timers run on that clock).</summary>
    private static async Task<bool> AdvanceUntilAsync(TestEmulator emulator, Task<bool> pending, TimeSpan step)
    {
        for (var i = 0; i < 200 && !pending.IsCompleted; i++)
        {
            emulator.Time.Advance(step);
            await Task.WhenAny(pending, Task.Delay(25, Ct));
        }

        return await pending.WaitAsync(s_timeout, Ct);
    }

    private sealed class EchoAgent(IConversationEvents events) : IInboundEntryHandler
    {
        public async ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken)
        {
            if (entry.EntryType == "Message")
            {
                await events.PublishAsync(new TextMessageEvent(entry.Address, EventSender.Agentforce("0Xx000000000001", "Echo Agent"), "echo: " + entry.Text),
                    cancellationToken);
            }
        }
    }
}
