using Byoc.Emulator.Conversations;
using Byoc.Emulator.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Routing;

public sealed class EscalationRaceTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_CustomerWritesWhileAgentEscalates_AgentDropsItsAnswerAndMessageWaitsForRep()
    {
        await using var host = RoutingTestHost.Create(new() { ["Agents:ThinkTime"] = "00:00:00.500" });
        var handler = host.Services.GetServices<IInboundEntryHandler>().Single();
        var first = host.Record("hello");
        var greeting = handler.HandleAsync(first, Token).AsTask();
        host.Time.Advance(TimeSpan.FromMilliseconds(500));
        await greeting.WaitAsync(s_wait, Token);

        var escalation = handler.HandleAsync(host.Record("I want to speak to a human"), Token).AsTask();
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        var question = handler.HandleAsync(host.Record("what are your opening hours?"), Token).AsTask();
        host.Time.Advance(TimeSpan.FromMilliseconds(400));
        await escalation.WaitAsync(s_wait, Token);
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        await question.WaitAsync(s_wait, Token);

        var agentTexts = host.Events.Texts("Chatbot");
        Assert.Equal(2, agentTexts.Count);
        Assert.Contains("connecting you", agentTexts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(agentTexts, t => t.StartsWith("We're open", StringComparison.Ordinal));
        var sessionId = first.Address.MessagingSessionId;
        Assert.Equal("Waiting", host.Session(sessionId).GetString("Status"));
        Assert.Contains(host.Store.Lookup("ConversationEntry", "ConversationId", sessionId),
            e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "what are your opening hours?");
        Assert.IsType<ParticipantChangedEvent>(host.Events.Published.Last(e => e is ParticipantChangedEvent or TextMessageEvent));
    }

    [Fact]
    public async Task HandleAsync_SessionEndsWhileAgentThinks_AgentNeverReplies()
    {
        await using var host = RoutingTestHost.Create(new() { ["Agents:ThinkTime"] = "00:00:02" });
        var handler = host.Services.GetServices<IInboundEntryHandler>().Single();
        var entry = host.Record("what are your opening hours?");
        var thinking = handler.HandleAsync(entry, Token).AsTask();

        Assert.True(host.Services.GetRequiredService<OmniChannel>().End(entry.Address.MessagingSessionId, "System").Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await thinking.WaitAsync(s_wait, Token);

        Assert.Empty(host.Events.Texts("Chatbot"));
        Assert.Equal("Ended", host.Session(entry.Address.MessagingSessionId).GetString("Status"));
    }

    [Fact]
    public async Task Escalate_SecondEscalationOfSameSession_FailsWithoutNewRouting()
    {
        await using var host = RoutingTestHost.Create();
        var omni = host.Services.GetRequiredService<OmniChannel>();
        var entry = await host.SendAsync("hello", cancellationToken: Token);
        var botId = host.Store.Records("BotDefinition")[0].Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => omni.Escalate(entry.Address.MessagingSessionId, botId), Token)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RoutingStatus.NotOwner, r.Status));
        Assert.Single(host.PendingRouting(entry.Address.MessagingSessionId));
    }

    [Fact]
    public async Task HandleAsync_NoValidFallbackQueue_AgentSaysItCannotTransferAndKeepsSession()
    {
        await using var host = RoutingTestHost.Create(arrange: store => store.Write(w =>
            w.Update(store.Records("MessagingChannel")[0].Id, new Dictionary<string, object?> { ["FallbackQueueId"] = null })));

        var entry = await host.SendAsync("I want to speak to a human", cancellationToken: Token);

        Assert.StartsWith("Sorry, I can't connect you with a person right now.", host.Events.Texts("Chatbot")[^1], StringComparison.Ordinal);
        Assert.Equal(("Active", "Bot"), (host.Session(entry.Address.MessagingSessionId).GetString("Status"),
            host.Session(entry.Address.MessagingSessionId).GetString("AgentType")));
        Assert.Empty(host.PendingRouting(entry.Address.MessagingSessionId));
    }

    [Fact]
    public void AddRepConsole_WithAddRoutingAndAgents_RegistersOneInboundHandler()
    {
        var services = new ServiceCollection();

        services.AddRoutingAndAgents();
        Byoc.Emulator.Console.RepConsoleServiceCollectionExtensions.AddRepConsole(services);

        Assert.Single(services, d => d.ServiceType == typeof(IInboundEntryHandler));
    }
}
