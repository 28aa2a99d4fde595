using System.Collections.Concurrent;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Interactions;

public sealed class InboundDispatcherTests
{
    [Fact]
    public async Task Dispatch_ManyEntries_EveryHandlerInOrderPerConversationAfterCommit()
    {
        var log = new ConcurrentQueue<string>();
        await using var emulator = await TestEmulator.StartAsync(stateDirectory: null, services =>
        {
            services.AddSingleton<IInboundEntryHandler>(new RecordingHandler("first", log, TimeSpan.FromMilliseconds(5)));
            services.AddSingleton<IInboundEntryHandler>(new RecordingHandler("second", log, TimeSpan.Zero));
        });
        using var client = await ScrtTestClient.CreateAsync(emulator);

        for (var i = 0; i < 5; i++)
        {
            await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", $"a{i}"));
            await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-b", $"b{i}"));
        }

        await emulator.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        var entries = log.ToList();
        Assert.Equal(20, entries.Count);
        foreach (var user in new[] { "a", "b" })
        {
            var expected = Enumerable.Range(0, 5).SelectMany(i => new[] { $"first:{user}{i}", $"second:{user}{i}" });
            Assert.Equal(expected, entries.Where(e => e.Split(':')[1].StartsWith(user, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_LaterHandlersAndEntriesStillRun()
    {
        var log = new ConcurrentQueue<string>();
        await using var emulator = await TestEmulator.StartAsync(stateDirectory: null, services =>
        {
            services.AddSingleton<IInboundEntryHandler>(new ThrowingHandler());
            services.AddSingleton<IInboundEntryHandler>(new RecordingHandler("after", log, TimeSpan.Zero));
        });
        using var client = await ScrtTestClient.CreateAsync(emulator);

        await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", "one"));
        await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", "two"));
        await emulator.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        Assert.Equal(["after:one", "after:two"], log);
    }

    private sealed class RecordingHandler(string name, ConcurrentQueue<string> log, TimeSpan delay) : IInboundEntryHandler
    {
        public async ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            log.Enqueue($"{name}:{entry.Text}");
        }
    }

    private sealed class ThrowingHandler : IInboundEntryHandler
    {
        public ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }
}
