using System.Net;
using Byoc.Connector.Channels.WebChat;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatEventStreamTests : IAsyncLifetime
{
    private ConnectorHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebChatTestHost.StartAsync(TestContext.Current.CancellationToken);
        _client = _host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Events_BadToken_Returns401()
    {
        using var stream = await WebChatTestHost.OpenStreamAsync(_client, WebChatTestHost.ExpiredToken("visitor-x"));

        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
    }

    [Fact]
    public async Task Events_ReconnectWithLastEventId_ReplaysExactlyTheLaterEntriesInOrder()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        var outbound = _host.Outbound();
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(DeliveryOutcomeKind.Succeeded, (await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, $"e{i}"), TestContext.Current.CancellationToken)).Kind);
        }

        // A retried send of an entry already logged must not show twice.
        await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, "e3"), TestContext.Current.CancellationToken);

        using (var first = await WebChatTestHost.OpenStreamAsync(_client, session.Token))
        {
            Assert.Equal("text/event-stream", first.ContentType);
            var all = await first.ReadManyAsync(5);
            Assert.Equal(["1", "2", "3", "4", "5"], all.Select(e => e.Id));
            Assert.Equal(["e1", "e2", "e3", "e4", "e5"], all.Select(e => e.EntryKey));
        }

        using var resumed = await WebChatTestHost.OpenStreamAsync(_client, session.Token, lastEventId: "2", since: 0);
        var replay = await resumed.ReadManyAsync(3);
        await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, "e6"), TestContext.Current.CancellationToken);
        var live = await resumed.ReadAsync();

        Assert.Equal(["e3", "e4", "e5"], replay.Select(e => e.EntryKey));
        Assert.Equal([3L, 4L, 5L], replay.Select(e => e.Sequence));
        Assert.Equal(("6", "e6", "Reservation Agent"), (live.Id, live.EntryKey, (string?)live.Json["sender"]));
        Assert.True(await resumed.IsQuietAsync(TimeSpan.FromSeconds(1.2)));
    }

    [Fact]
    public async Task Events_SinceAfterReload_ReplaysFromThere()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        for (var i = 1; i <= 3; i++)
        {
            await _host.Outbound().SendAsync(WebChatTestHost.Agent(session.VisitorId, $"e{i}"), TestContext.Current.CancellationToken);
        }

        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token, since: 1);

        Assert.Equal(["e2", "e3"], (await stream.ReadManyAsync(2)).Select(e => e.EntryKey));
    }

    [Fact]
    public async Task Events_TypingProgressAndChoices_TypingIsLiveOnlyAndChoicesAreLogged()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        var outbound = _host.Outbound();
        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token);
        await WaitFor.ConditionAsync(() => _host.Services.GetRequiredService<WebChatHub>().CountSubscriptions("chat", session.VisitorId) == 1);
        // Live-only events keep their order relative to log entries once the stream has caught up with the log; a
        // first logged entry read back proves it has.
        using (await WebChatTestHost.PostAsync(_client, session.Token, """{"type":"message","id":"m-1","text":"Hi"}"""))
        {
            Assert.Equal("message", (await stream.ReadAsync()).Type);
        }

        await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, "t1", OutboundKind.TypingStarted), TestContext.Current.CancellationToken);
        await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, "p1", OutboundKind.Progress, "Looking up tables"), TestContext.Current.CancellationToken);
        await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, "c1", OutboundKind.Choices, "When?",
            [new ChoiceOption("o1", "Today"), new ChoiceOption("o2", "Tomorrow")]), TestContext.Current.CancellationToken);
        var events = await stream.ReadManyAsync(3);

        Assert.Equal(["typing.started", "progress", "choices"], events.Select(e => e.Type));
        Assert.Equal([null, null, "2"], events.Select(e => e.Id));
        Assert.Equal("Tomorrow", (string?)events[2].Json["choices"]![1]!["title"]);
        using var replay = await WebChatTestHost.OpenStreamAsync(_client, session.Token);
        Assert.Equal(["message", "choices"], (await replay.ReadManyAsync(2)).Select(e => e.Type));
    }

    [Fact]
    public async Task Events_CustomerMessages_AreEchoedIntoTheLog()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token);

        using var response = await WebChatTestHost.PostAsync(_client, session.Token, """{"type":"message","id":"m-7","text":"Hi there"}""");
        var echoed = await stream.ReadAsync();

        Assert.Equal(("in:m-7", "customer", "Hi there"), (echoed.EntryKey, (string?)echoed.Json["role"], (string?)echoed.Json["text"]));
    }

    [Fact]
    public async Task Events_ConcurrentSenders_EveryEntryOnceAndEachSendersOrderKept()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        var outbound = _host.Outbound();
        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token);
        await WaitFor.ConditionAsync(() => _host.Services.GetRequiredService<WebChatHub>().CountSubscriptions("chat", session.VisitorId) == 1);
        const int Senders = 4;
        const int PerSender = 25;

        var sending = Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                await outbound.SendAsync(WebChatTestHost.Agent(session.VisitorId, $"s{s}-{i:D2}"), TestContext.Current.CancellationToken);
                if (i % 5 == 0)
                {
                    await Task.Yield();
                }
            }
        }, TestContext.Current.CancellationToken)));
        var received = await stream.ReadManyAsync(Senders * PerSender, TimeSpan.FromSeconds(20));
        await sending.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, Senders * PerSender).Select(i => (long)i), received.Select(e => e.Sequence));
        Assert.Equal(Senders * PerSender, received.Select(e => e.EntryKey).Distinct().Count());
        for (var s = 0; s < Senders; s++)
        {
            var mine = received.Select(e => e.EntryKey!).Where(k => k.StartsWith($"s{s}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(mine.Order(StringComparer.Ordinal), mine);
        }

        Assert.True(await stream.IsQuietAsync(TimeSpan.FromSeconds(1.2)));
    }

    [Fact]
    public async Task Events_ConnectorStopping_EndsOpenStreams()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token);
        await WaitFor.ConditionAsync(() => _host.Services.GetRequiredService<WebChatHub>().CountSubscriptions("chat", session.VisitorId) == 1);

        _host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.ReadAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _host.Services.GetRequiredService<WebChatHub>().CountSubscriptions("chat", session.VisitorId));
    }

    [Fact]
    public async Task Events_LastEventIdBeyondTheLog_TellsThePageToStartOver()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        for (var i = 1; i <= 2; i++)
        {
            await _host.Outbound().SendAsync(WebChatTestHost.Agent(session.VisitorId, $"e{i}"), TestContext.Current.CancellationToken);
        }

        using var stream = await WebChatTestHost.OpenStreamAsync(_client, session.Token, lastEventId: "9");
        var events = await stream.ReadManyAsync(3);
        using var upToDate = await WebChatTestHost.OpenStreamAsync(_client, session.Token, lastEventId: "2");

        Assert.Equal([(null, "reset"), ("1", "message"), ("2", "message")], events.Select(e => (e.Id, e.Type)));
        Assert.True(await upToDate.IsQuietAsync(TimeSpan.FromSeconds(1.2)));
    }
}
