using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Routing;

public sealed class OmniChannelRoutingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_FirstMessage_RoutesSessionToAgentWhichAnswers()
    {
        await using var host = RoutingTestHost.Create();
        var bot = host.Store.Lookup("BotDefinition", "DeveloperName", SeededOrg.AgentDeveloperName)[0];

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal("Active", session.GetString("Status"));
        Assert.Equal("Bot", session.GetString("AgentType"));
        Assert.Equal(bot.GetString("BotUserId"), session.GetString("OwnerId"));
        Assert.Equal(host.Time.GetUtcNow(), session.GetDateTime("StartTime"));
        Assert.Null(session.GetDateTime("AcceptTime"));
        var work = Assert.Single(host.Work(session.Id));
        Assert.Equal(bot.Id, work.GetString("BotId"));
        Assert.Equal("ExternalCopilot", work.GetString("BotType"));
        Assert.Equal("Opened", work.GetString("Status"));
        Assert.Equal("QueueBased", work.GetString("RoutingType"));
        Assert.Equal(bot.GetString("BotUserId"), work.GetString("UserId"));
        Assert.Equal(host.Store.Lookup("ServiceChannel", "DeveloperName", SeededOrg.ServiceChannelDeveloperName)[0].Id, work.GetString("ServiceChannelId"));
        Assert.Empty(host.PendingRouting(session.Id));

        var joined = Assert.Single(host.Events.OfType<ParticipantChangedEvent>());
        Assert.Equal(("add", "chatbot", bot.Id), (joined.Changes[0].Operation, joined.Changes[0].AppType, joined.Changes[0].Subject));
        var reply = Assert.Single(host.Events.OfType<TextMessageEvent>());
        Assert.Equal(EventSender.Agentforce(bot.Id, "Reservation Agent"), reply.Sender);
        Assert.StartsWith("Hi, I'm the reservation assistant", reply.Text, StringComparison.Ordinal);
        var transcript = host.Store.Lookup("ConversationEntry", "ConversationId", session.Id);
        var botEntry = Assert.Single(transcript, e => e.GetString("EntryType") == "Text" && e.GetString("ActorType") == "Bot");
        Assert.Equal((bot.Id, "Reservation Agent"), (botEntry.GetString("ActorId"), botEntry.GetString("ActorName")));
    }

    [Fact]
    public async Task HandleAsync_ChannelHandlerIsQueue_SessionWaitsInQueueWithoutAgent()
    {
        await using var host = RoutingTestHost.Create(arrange: store => store.Write(w =>
        {
            var channel = store.Records("MessagingChannel")[0];
            w.Update(channel.Id, new Dictionary<string, object?> { ["SessionHandlerId"] = channel.GetString("FallbackQueueId") });
        }));
        var queueId = host.Channel.GetString("FallbackQueueId");

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal(("Waiting", "Agent", queueId), (session.GetString("Status"), session.GetString("AgentType"), session.GetString("OwnerId")));
        var psr = Assert.Single(host.PendingRouting(session.Id));
        Assert.Equal(queueId, psr.GetString("GroupId"));
        Assert.Equal("QueueBased", psr.GetString("RoutingType"));
        Assert.Empty(host.Work(session.Id));
        Assert.Empty(host.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task HandleAsync_AgentHasNoActiveVersion_SessionGoesToFallbackQueue()
    {
        await using var host = RoutingTestHost.Create(arrange: store => store.Write(w =>
            w.Update(store.Records("BotVersion")[0].Id, new Dictionary<string, object?> { ["Status"] = "Inactive" })));

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal(("Waiting", host.Channel.GetString("FallbackQueueId")), (session.GetString("Status"), session.GetString("OwnerId")));
        Assert.Empty(host.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task HandleAsync_FallbackQueueWithoutMessagingSessionSobject_IsNotUsed()
    {
        await using var host = RoutingTestHost.Create(arrange: store =>
        {
            store.Write(w => w.Delete(store.Records("QueueSobject")[0].Id));
            store.Write(w => w.Update(store.Records("BotVersion")[0].Id, new Dictionary<string, object?> { ["Status"] = "Inactive" }));
        });

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Null(session.GetString("Status"));
        Assert.Empty(host.PendingRouting(session.Id));
    }

    [Fact]
    public async Task Escalate_CustomerAsksForHuman_SessionMovesToFallbackQueue()
    {
        await using var host = RoutingTestHost.Create();
        var bot = host.Store.Records("BotDefinition")[0];
        var first = await host.SendAsync("hello", cancellationToken: Token);
        host.Time.Advance(TimeSpan.FromSeconds(5));

        await host.SendAsync("I want to speak to a human", cancellationToken: Token);

        var session = host.Session(first.Address.MessagingSessionId);
        var queueId = host.Channel.GetString("FallbackQueueId");
        Assert.Equal(("Waiting", "BotToAgent", queueId), (session.GetString("Status"), session.GetString("AgentType"), session.GetString("OwnerId")));
        var botWork = Assert.Single(host.Work(session.Id));
        Assert.Equal(("Closed", host.Time.GetUtcNow()), (botWork.GetString("Status"), botWork.GetDateTime("CloseDateTime")));
        var psr = Assert.Single(host.PendingRouting(session.Id));
        Assert.Equal((queueId, "QueueBased"), (psr.GetString("GroupId"), psr.GetString("RoutingType")));
        Assert.Contains("connecting you with a member of our team", host.Events.Texts("Chatbot")[^1], StringComparison.Ordinal);
        var removed = host.Events.OfType<ParticipantChangedEvent>()[^1].Changes[0];
        Assert.Equal(("remove", "Chatbot", bot.Id), (removed.Operation, removed.Role, removed.Subject));
        Assert.Equal("Waiting", host.Events.OfType<SessionStatusChangedEvent>()[^1].Status);
        Assert.Contains(host.Events.OfType<RoutingWorkResultEvent>(), r => r.WorkType == "Transferred" && r.QueueId == queueId);
    }

    [Fact]
    public async Task HandleAsync_MessagesAfterEscalation_AgentNeverAnswersAndRepSeesThem()
    {
        await using var host = RoutingTestHost.Create();
        var first = await host.SendAsync("agent please", cancellationToken: Token);
        var agentMessages = host.Events.Texts("Chatbot").Count;

        await host.SendAsync("hello? I'd like to book a table", cancellationToken: Token);
        await host.SendAsync("what are your opening hours", cancellationToken: Token);

        Assert.Equal(agentMessages, host.Events.Texts("Chatbot").Count);
        var session = host.Session(first.Address.MessagingSessionId);
        Assert.Equal("Waiting", session.GetString("Status"));
        Assert.Single(host.PendingRouting(session.Id));
        var console = host.Services.GetRequiredService<Byoc.Emulator.Console.RepConsole>();
        var rep = host.Store.Get(host.RepId(SeededOrg.Reps[0].Username))!;
        host.Services.GetRequiredService<OmniChannel>().SetPresence(rep.Id, "Available");
        Assert.True((await console.AcceptAsync(rep, session.Id, Token)).Succeeded);
        var transcript = await console.TranscriptAsync(rep, session.Id, Token);
        Assert.Contains(transcript!.Entries, e => e.ActorType == "EndUser" && e.Message == "what are your opening hours");
    }

    [Fact]
    public async Task Sweep_ActiveSessionIdleLongerThanTimeout_BecomesInactiveAndNewMessageReopens()
    {
        await using var host = RoutingTestHost.Create(new() { ["Routing:InactivityTimeout"] = "00:10:00" });
        var monitor = host.Services.GetRequiredService<InactivityMonitor>();
        var first = await host.SendAsync("hello", cancellationToken: Token);
        var sessionId = first.Address.MessagingSessionId;

        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await monitor.SweepAsync(Token));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await monitor.SweepAsync(Token));

        Assert.Equal("Inactive", host.Session(sessionId).GetString("Status"));
        Assert.Equal("Closed", Assert.Single(host.Work(sessionId)).GetString("Status"));
        Assert.Equal("remove", host.Events.OfType<ParticipantChangedEvent>()[^1].Changes[0].Operation);
        Assert.Equal(("Inactive", "Active"), (host.Events.OfType<SessionStatusChangedEvent>()[^1].Status, host.Events.OfType<SessionStatusChangedEvent>()[^1].PreviousStatus));

        host.Events.Clear();
        var again = await host.SendAsync("hi again", cancellationToken: Token);

        Assert.Equal(sessionId, again.Address.MessagingSessionId);
        var session = host.Session(sessionId);
        Assert.Equal(("Active", "Bot"), (session.GetString("Status"), session.GetString("AgentType")));
        Assert.Equal(2, host.Work(sessionId).Count);
        Assert.Equal("Opened", host.Work(sessionId)[^1].GetString("Status"));
        Assert.Equal("Inactive", host.Events.OfType<SessionStatusChangedEvent>()[0].PreviousStatus);
        Assert.Single(host.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task Sweep_EscalatedSessionReopened_GoesBackToQueueNotToAgent()
    {
        await using var host = RoutingTestHost.Create();
        var omni = host.Services.GetRequiredService<OmniChannel>();
        var rep = host.RepId(SeededOrg.Reps[0].Username);
        var first = await host.SendAsync("talk to a person", cancellationToken: Token);
        var sessionId = first.Address.MessagingSessionId;
        omni.SetPresence(rep, "Available");
        Assert.True(omni.Accept(sessionId, rep).Succeeded);
        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await host.Services.GetRequiredService<InactivityMonitor>().SweepAsync(Token));
        var agentMessages = host.Events.Texts("Chatbot").Count;

        await host.SendAsync("are you still there?", cancellationToken: Token);

        var session = host.Session(sessionId);
        Assert.Equal(("Waiting", "BotToAgent", host.Channel.GetString("FallbackQueueId")),
            (session.GetString("Status"), session.GetString("AgentType"), session.GetString("OwnerId")));
        Assert.Single(host.PendingRouting(sessionId));
        Assert.Equal(agentMessages, host.Events.Texts("Chatbot").Count);
        Assert.All(host.Work(sessionId), w => Assert.Equal("Closed", w.GetString("Status")));
    }

    [Fact]
    public async Task Sweep_InactiveForADay_SessionEndedBySystem()
    {
        await using var host = RoutingTestHost.Create();
        var monitor = host.Services.GetRequiredService<InactivityMonitor>();
        var entry = await host.SendAsync("hello", cancellationToken: Token);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await monitor.SweepAsync(Token);

        host.Time.Advance(TimeSpan.FromHours(24));
        await monitor.SweepAsync(Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal(("Ended", "System", host.Time.GetUtcNow()), (session.GetString("Status"), session.GetString("EndedByType"), session.GetDateTime("EndTime")));
    }

    [Fact]
    public async Task HandleAsync_NewSessionCreatedWithDefaultAgentTypeAndStatus_StillRoutedToAgent()
    {
        await using var host = RoutingTestHost.Create();
        var entry = host.Record("hello");
        host.Store.Write(w => w.Update(entry.Address.MessagingSessionId, new Dictionary<string, object?> { ["AgentType"] = "Agent", ["Status"] = "New" }));

        await host.Services.GetServices<IInboundEntryHandler>().Single().HandleAsync(entry, Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal(("Active", "Bot"), (session.GetString("Status"), session.GetString("AgentType")));
        Assert.Single(host.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task HandleAsync_ApiReopenedEscalatedSessionAsWaiting_GoesToQueueNotAgent()
    {
        await using var host = RoutingTestHost.Create();
        var omni = host.Services.GetRequiredService<OmniChannel>();
        var rep = host.RepId(SeededOrg.Reps[1].Username);
        var first = await host.SendAsync("human", cancellationToken: Token);
        var sessionId = first.Address.MessagingSessionId;
        omni.SetPresence(rep, "Available");
        omni.Accept(sessionId, rep);
        host.Time.Advance(TimeSpan.FromMinutes(30));
        await host.Services.GetRequiredService<InactivityMonitor>().SweepAsync(Token);
        host.Store.Write(w => w.Update(sessionId, new Dictionary<string, object?> { ["Status"] = "Waiting" }));
        var agentMessages = host.Events.Texts("Chatbot").Count;

        await host.SendAsync("back again", cancellationToken: Token);

        Assert.Equal(("Waiting", host.Channel.GetString("FallbackQueueId")), (host.Session(sessionId).GetString("Status"), host.Session(sessionId).GetString("OwnerId")));
        Assert.Single(host.PendingRouting(sessionId));
        Assert.Equal(agentMessages, host.Events.Texts("Chatbot").Count);
    }
}
