using System.Collections.Concurrent;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Interactions;
using Byoc.Emulator.Org.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Interactions;

/// <summary>
/// An end-user message the org accepted is answered even when the org stops before its handlers finished (issue 18
/// item 8), and never twice. The first org is stopped while its handler still runs, without draining the dispatcher;
/// the second starts on the same state folder.
/// </summary>
public sealed class InboundRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_EntryAcceptedButNotHandled_AnsweredExactlyOnce()
    {
        var state = NewStateFolder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await TestEmulator.StartAsync(state, services =>
            services.AddSingleton<IInboundEntryHandler>(new HangingHandler(started, answerFirst: false)), "--Emulator:InMemory=false");
        using (var client = await ScrtTestClient.CreateAsync(first))
        {
            await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", "hello"));
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var mark = Assert.Single(first.Get<OrgStore>().Records(PendingEntries.ObjectName));
        Assert.False(mark.GetBoolean("Answered"));
        await first.StopAsync();

        var calls = new ConcurrentQueue<string>();
        var second = await StartAnsweringAsync(state, calls);
        await second.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(["hello"], calls);
        Assert.Equal(1, Answers(second, "answer to hello"));
        Assert.Empty(second.Get<OrgStore>().Records(PendingEntries.ObjectName));
        await second.StopAsync();

        // The finished entry is not dispatched again by a later start.
        await using var third = await StartAnsweringAsync(state, calls);
        await third.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(["hello"], calls);
        Assert.Equal(1, Answers(third, "answer to hello"));
    }

    [Fact]
    public async Task Restart_StoppedAfterAnswerPublished_NotAnsweredAgain()
    {
        var state = NewStateFolder();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await TestEmulator.StartAsync(state, services =>
            services.AddSingleton<IInboundEntryHandler>(sp => new HangingHandler(answered, answerFirst: true, sp.GetRequiredService<IConversationEvents>())),
            "--Emulator:InMemory=false");
        using (var client = await ScrtTestClient.CreateAsync(first))
        {
            await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", "hello"));
        }

        await answered.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.True(Assert.Single(first.Get<OrgStore>().Records(PendingEntries.ObjectName)).GetBoolean("Answered"));
        await first.StopAsync();

        var calls = new ConcurrentQueue<string>();
        await using var second = await StartAnsweringAsync(state, calls);
        await second.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Empty(calls);
        Assert.Equal(1, Answers(second, "answer to hello"));
        Assert.Empty(second.Get<OrgStore>().Records(PendingEntries.ObjectName));
    }

    [Fact]
    public async Task Restart_SeveralEntriesPending_AnsweredInAcceptanceOrderPerConversation()
    {
        var state = NewStateFolder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await TestEmulator.StartAsync(state, services =>
            services.AddSingleton<IInboundEntryHandler>(new HangingHandler(started, answerFirst: false)), "--Emulator:InMemory=false");
        using (var client = await ScrtTestClient.CreateAsync(first))
        {
            for (var i = 0; i < 3; i++)
            {
                await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-a", $"a{i}"));
                await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-b", $"b{i}"));
            }
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(6, first.Get<OrgStore>().Records(PendingEntries.ObjectName).Count);
        await first.StopAsync();

        var calls = new ConcurrentQueue<string>();
        await using var second = await StartAnsweringAsync(state, calls);
        await second.Get<InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(["a0", "a1", "a2"], calls.Where(c => c.StartsWith('a')));
        Assert.Equal(["b0", "b1", "b2"], calls.Where(c => c.StartsWith('b')));
        Assert.Empty(second.Get<OrgStore>().Records(PendingEntries.ObjectName));
    }

    private static string NewStateFolder() => Path.Combine(Path.GetTempPath(), "byoc-emulator-tests", Guid.NewGuid().ToString("N"));

    private static Task<TestEmulator> StartAnsweringAsync(string state, ConcurrentQueue<string> calls) =>
        TestEmulator.StartAsync(state, services =>
            services.AddSingleton<IInboundEntryHandler>(sp => new AnsweringHandler(calls, sp.GetRequiredService<IConversationEvents>())),
            "--Emulator:InMemory=false");

    private static int Answers(TestEmulator emulator, string text) =>
        emulator.Get<OrgStore>().Records("ConversationEntry").Count(r => r.GetString("ActorType") == "Bot" && r.GetString("Message") == text);

    private static EventSender Agent => EventSender.Agentforce("0XxQy0000000001AAA", "Agent");

    /// <summary>Answers every entry once, like the agent.</summary>
    private sealed class AnsweringHandler(ConcurrentQueue<string> calls, IConversationEvents events) : IInboundEntryHandler
    {
        public async ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken)
        {
            calls.Enqueue(entry.Text!);
            await events.PublishAsync(new TextMessageEvent(entry.Address, Agent, "answer to " + entry.Text), cancellationToken);
        }
    }

    /// <summary>Never finishes until the org stops (optionally after answering): the org "dies" mid-turn.</summary>
    private sealed class HangingHandler(TaskCompletionSource reached, bool answerFirst, IConversationEvents? events = null) : IInboundEntryHandler
    {
        public async ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken)
        {
            if (answerFirst)
            {
                await events!.PublishAsync(new TextMessageEvent(entry.Address, Agent, "answer to " + entry.Text), cancellationToken);
            }

            reached.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }
}
