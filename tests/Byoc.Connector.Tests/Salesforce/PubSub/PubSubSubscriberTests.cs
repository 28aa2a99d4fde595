using System.Collections.Concurrent;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Salesforce.PubSub;

public sealed class PubSubSubscriberTests : IAsyncLifetime
{
    private const string Topic = "/event/Conversation__e";
    private readonly FakePubSubState _state = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-pubsub-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteOutboxStore _outbox;
    private readonly RecordingHandler _handler;
    private LoopbackServer _server = null!;
    private GrpcChannel _channel = null!;

    public PubSubSubscriberTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "connector.db"));
        _outbox = new SqliteOutboxStore(_database, TimeProvider.System);
        _handler = new RecordingHandler(_outbox);
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(_state);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<FakePubSubService>();
        _server = await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
        _channel = GrpcChannel.ForAddress(_server.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ExecuteAsync_NoCheckpoint_SubscribesLatestWithMetadataAndDecodesConfiguredFields()
    {
        _state.Publish("Interaction", "{\"old\":true}");
        using var sut = CreateSut();

        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
        _state.Publish("Interaction", "{\"n\":1}");
        await WaitUntilAsync(() => _handler.Handled.Count == 1);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        var subscription = Assert.Single(_state.Subscriptions);
        Assert.Equal((Topic, "Latest", 4), (subscription.Topic, subscription.Preset, subscription.NumRequested));
        var headers = Assert.Single(_state.Headers);
        Assert.Equal("token-1", headers["accesstoken"]);
        Assert.Equal("https://example.my.salesforce.com", headers["instanceurl"]);
        Assert.Equal("00Dxx0000001gEH", headers["tenantid"]);
        var handled = Assert.Single(_handler.Handled);
        Assert.Equal(("Interaction", "{\"n\":1}"), (handled.EventType, handled.Payload));
        Assert.Equal(1, _state.SchemaRequests);
    }

    [Fact]
    public async Task ExecuteAsync_MoreEventsThanCredit_TopsUpCreditAndReceivesAll()
    {
        using var sut = CreateSut();
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);

        for (var i = 0; i < 25; i++)
        {
            _state.Publish("Interaction", $"{{\"n\":{i}}}");
        }

        await WaitUntilAsync(() => _handler.Handled.Count == 25);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(_state.TopUps.Count >= 5, $"expected continuous top-ups, saw {_state.TopUps.Count}");
        Assert.All(_state.TopUps, n => Assert.InRange(n, 1, 4));
        Assert.Equal(1, sut.Connects);
    }

    [Fact]
    public async Task ExecuteAsync_StreamDrops_ReconnectsWithCustomReplayFromCheckpointWithoutDuplicates()
    {
        _state.DropAfter[1] = 3;
        using var sut = CreateSut();
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
        for (var i = 0; i < 8; i++)
        {
            _state.Publish("Interaction", $"{{\"n\":{i}}}");
        }

        await WaitUntilAsync(() => _handler.Handled.Count >= 8);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        var subscriptions = _state.Subscriptions.ToArray();
        Assert.Equal("Latest", subscriptions[0].Preset);
        Assert.Equal("Custom", subscriptions[1].Preset);
        // The drop may lose the in-flight third event; the resubscription starts after the last *stored* one.
        Assert.Contains(_handler.Handled.Take(3), e => e.ReplayId.AsSpan().SequenceEqual(subscriptions[1].ReplayId));
        Assert.Equal(8, _handler.Handled.Count);
        Assert.Equal(8, _handler.Handled.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(8, await _outbox.CountPendingAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExecuteAsync_StoredReplayIdRejected_ResubscribesFromEarliest()
    {
        for (var i = 0; i < 3; i++)
        {
            _state.Publish("Interaction", $"{{\"n\":{i}}}");
        }

        await _outbox.TryAddWithCheckpointAsync(null, new ReplayCheckpoint(Topic, [9, 9, 9]), TestContext.Current.CancellationToken);
        using var sut = CreateSut();

        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _handler.Handled.Count == 3);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        var subscriptions = _state.Subscriptions.ToArray();
        Assert.Equal(["Custom", "Earliest"], subscriptions.Take(2).Select(s => s.Preset));
    }

    [Fact]
    public async Task ExecuteAsync_TokenRejected_RenewsTokenAndResubscribes()
    {
        _state.RejectTokenOnce = true;
        var tokens = new FakeTokenProvider();
        using var sut = CreateSut(tokens);

        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, tokens.Renewals);
        Assert.Equal(["token-1", "token-2"], _state.Headers.Take(2).Select(h => h["accesstoken"]));
    }

    [Fact]
    public async Task ExecuteAsync_TokensRevokedFasterThanTheBackoffGrows_ResubscribesAtOnceWithEachRenewedToken()
    {
        // The org revokes every token at each 30 ms boundary (the emulated org's revokeTokensEverySeconds, scaled to the
        // test's 20-100 ms backoff), and every stream is dropped after one event. A renewed token that waits out a backoff
        // of 40 ms or more is always revoked before it is used, so a subscriber that backs off after each refusal never
        // gets back in; one that tries a renewed token at once delivers every event.
        const int PeriodMilliseconds = 30;
        var tokens = new FakeTokenProvider();
        _state.IsRevoked = token => tokens.MintedAt(token) / PeriodMilliseconds != Environment.TickCount64 / PeriodMilliseconds;
        for (var connection = 1; connection <= 40; connection++)
        {
            _state.DropAfter[connection] = 1;
        }

        using var sut = CreateSut(tokens);
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => !_state.Subscriptions.IsEmpty);
        for (var i = 0; i < 8; i++)
        {
            _state.Publish("Interaction", $"{{\"n\":{i}}}");
        }

        await WaitUntilAsync(() => _handler.Handled.Count == 8);
        await sut.StopAsync(TestContext.Current.CancellationToken);
        Assert.True(tokens.Renewals >= 1, "Revoked tokens are renewed.");
    }

    [Fact]
    public async Task StopAsync_WhileSubscribed_StopsWithoutReportingAStreamFailure()
    {
        var logger = new RecordingLogger();
        using var sut = CreateSut(logger: logger);
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => sut.Connects == 1);

        await sut.StopAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(1, sut.Connects);
    }

    [Fact]
    public async Task ExecuteAsync_StreamDropsAfterEveryEvent_EachReconnectStartsTheBackoffAfresh()
    {
        for (var connection = 1; connection <= 6; connection++)
        {
            _state.DropAfter[connection] = 1;
        }

        var logger = new RecordingLogger();
        using var sut = CreateSut(logger: logger);
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
        for (var i = 0; i < 6; i++)
        {
            _state.Publish("Interaction", $"{{\"n\":{i}}}");
        }

        await WaitUntilAsync(() => _handler.Handled.Count == 6);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        // Every reconnect after a stream that delivered its event and was then dropped starts at the first backoff step.
        var entries = logger.Entries.ToArray();
        var afterDrops = entries.Select((e, i) => (Entry: e, Index: i))
            .Where(x => x.Entry.EventId.Id == 305 && x.Index > 0 && entries[x.Index - 1].Message.Contains("dropped by the test", StringComparison.Ordinal))
            .Select(x => x.Entry.Message)
            .ToArray();
        var log = string.Join("\n", entries.Select(e => $"{e.EventId.Id} {e.Message}"));
        Assert.True(afterDrops.Length >= 5, log);
        Assert.True(afterDrops.All(m => m.Contains("(failure 1)", StringComparison.Ordinal)), log);
    }

    [Fact]
    public async Task ExecuteAsync_KeepAliveOnFirstLatestSubscription_StoresItsPositionToResumeFrom()
    {
        _state.Publish("Interaction", "{\"before\":true}");
        var position = _state.LastReplayId;
        _state.KeepAliveOnSubscribe = position;
        using (var first = CreateSut())
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
            await WaitUntilAsync(() => _outbox.GetReplayIdAsync(Topic, CancellationToken.None).Result is not null);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        // Published while the connector was down, before it ever received an event.
        _state.Publish("Interaction", "{\"while-down\":true}");
        using var restarted = CreateSut();
        await restarted.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _handler.Handled.Count == 1);
        await restarted.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Latest", "Custom"], _state.Subscriptions.Select(s => s.Preset));
        Assert.Equal("{\"while-down\":true}", Assert.Single(_handler.Handled).Payload);
    }

    [Fact]
    public async Task ExecuteAsync_AnotherInstanceLeads_StandsByThenSubscribesWhenItTakesOver()
    {
        var election = new FakeLeaderElection { RefusalsLeft = 3 };
        using var sut = CreateSut(election: election);

        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => election.Attempts >= 2);
        Assert.Empty(_state.Subscriptions);
        await WaitUntilAsync(() => _state.Subscriptions.Count == 1);
        await sut.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, election.Attempts);
        Assert.True(election.Current!.Disposed, "Stopping gives the leadership up.");
    }

    [Fact]
    public async Task ExecuteAsync_LeadershipLost_UnsubscribesAndWaitsToLeadAgain()
    {
        var election = new FakeLeaderElection();
        using var sut = CreateSut(election: election);
        await sut.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => sut.Connects == 1);
        _state.Publish("Interaction", "{\"n\":0}");
        await WaitUntilAsync(() => _handler.Handled.Count == 1);
        var first = election.Current!;

        election.RefusalsLeft = int.MaxValue;
        await first.LoseAsync();
        await WaitUntilAsync(() => first.Disposed && election.Attempts >= 3);
        _state.Publish("Interaction", "{\"n\":1}");
        // Two refused attempts after the publish: the subscriber is still waiting to lead, with no stream open.
        var attempts = election.Attempts;
        await WaitUntilAsync(() => election.Attempts >= attempts + 2);

        Assert.Single(_state.Subscriptions);
        Assert.Single(_handler.Handled);
        election.RefusalsLeft = 0;
        await WaitUntilAsync(() => _handler.Handled.Count == 2);
        await sut.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Latest", "Custom"], _state.Subscriptions.Select(s => s.Preset));
        Assert.Equal(2, sut.Connects);
    }

    private PubSubSubscriber CreateSut(FakeTokenProvider? tokens = null, ILogger<PubSubSubscriber>? logger = null,
        ILeaderElection? election = null) => new(
        new PubSubClientFactory(new Connector.Salesforce.PubSub.Protocol.PubSub.PubSubClient(_channel)),
        tokens ?? new FakeTokenProvider(),
        Options.Create(new SalesforceOptions
        {
            OrgId = "00Dxx0000001gEH",
            PubSub = new PubSubOptions
            {
                Topic = Topic,
                EventTypeField = "EventType__c",
                PayloadField = "Payload__c",
                BatchSize = 4,
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
                StandbyRetryInterval = TimeSpan.FromMilliseconds(20),
            },
        }),
        _outbox,
        _handler,
        new AvroEventDecoder(),
        election ?? new SqliteLeaderElection(_database),
        TimeProvider.System,
        Diagnostics.TestMetrics.Create(),
        logger ?? NullLogger<PubSubSubscriber>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class RecordingLogger : ILogger<PubSubSubscriber>
    {
        public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }

    private sealed class FakeLeaderElection : ILeaderElection
    {
        private int _attempts;

        public int RefusalsLeft { get; set; }

        public int Attempts => Volatile.Read(ref _attempts);

        public FakeLeadership? Current { get; private set; }

        public Task<ILeadership?> TryAcquireAsync(string name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (RefusalsLeft > 0)
            {
                RefusalsLeft--;
                return Task.FromResult<ILeadership?>(null);
            }

            Current = new FakeLeadership();
            return Task.FromResult<ILeadership?>(Current);
        }
    }

    private sealed class FakeLeadership : ILeadership
    {
        private readonly CancellationTokenSource _lost = new();

        public bool Disposed { get; private set; }

        public CancellationToken Lost => _lost.Token;

        public Task LoseAsync() => _lost.CancelAsync();

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RecordingHandler(IOutboxStore outbox) : IPlatformEventHandler
    {
        public ConcurrentQueue<PlatformEvent> Handled { get; } = new();

        public async Task HandleAsync(PlatformEvent platformEvent, CancellationToken cancellationToken)
        {
            await outbox.TryAddWithCheckpointAsync(
                new NewQueueItem(platformEvent.Topic, platformEvent.EventId, "c", platformEvent.Payload ?? string.Empty),
                new ReplayCheckpoint(platformEvent.Topic, platformEvent.ReplayId), cancellationToken);
            Handled.Enqueue(platformEvent);
        }
    }
}
