using Byoc.Cli.Up;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done, over the generic webhook channel: the connector and the emulated org wired by
/// <see cref="UpStack"/>, a loopback sink playing the external platform.
/// </summary>
public sealed class WebhookDefinitionOfDoneTests
{
    private const string Guest = "guest-42";

    [Fact]
    public async Task Webhook_CustomerReachesAgentThenHuman_RepliesDeliveredAndStatusesReachOrg()
    {
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl);
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);
        var secret = test.Stack.Secrets.WebhookSecret;

        var first = await platform.SendTextAsync("msg-1", Guest, "Hello, can I book a table for two tonight?");
        Assert.Equal(1, first["stored"]!.GetValue<int>());
        var retry = await platform.SendTextAsync("msg-1", Guest, "Hello, can I book a table for two tonight?");
        Assert.Equal(1, retry["duplicates"]!.GetValue<int>());

        var agentReply = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Type is "message" or "choices"), "the agent's reply at the platform");
        Assert.True(agentReply.IsSignedWith(secret), "The agent's reply is not signed with the channel secret.");
        Assert.Equal(Guest, agentReply.Json["userId"]!.GetValue<string>());
        Assert.Equal(agentReply.Id, agentReply.WebhookId);

        var session = await test.SessionAsync();
        Assert.Equal("Active", session.GetString("Status"));
        Assert.Equal("Bot", session.GetString("AgentType"));
        var botWork = Assert.Single(test.Org.Records("AgentWork"), w => TestStack.SameId(w.GetString("WorkItemId"), session.Id));
        Assert.False(string.IsNullOrEmpty(botWork.GetString("BotId")));
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser"
            && e.GetString("Message") == "Hello, can I book a table for two tonight?");

        await platform.SendTextAsync("msg-2", Guest, "I want to speak to a human");
        var queued = await WaitFor.ValueAsync(() => test.Current(session) is { } s && s.GetString("Status") == "Waiting" ? s : null,
            "the session to wait in the fallback queue");
        var queue = test.Org.Get(queued.GetString("OwnerId")!);
        Assert.NotNull(queue);
        Assert.Equal("Queue", queue.GetString("Type"));
        Assert.Equal("Closed", test.Current(botWork).GetString("Status"));

        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var repEntryId = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");

        var repReply = await sink.WaitForMessageAsync("this is Alex");
        Assert.True(repReply.IsSignedWith(secret), "The rep's reply is not signed with the channel secret.");
        Assert.Equal(repEntryId, repReply.Id);
        Assert.Equal("Active", test.Current(session).GetString("Status"));

        await platform.SendStatusAsync("st-1", Guest, agentReply.Id, "delivered");
        await platform.SendStatusAsync("st-2", Guest, repReply.Id, "delivered");
        await WaitFor.ConditionAsync(() => StatusOf(test, repReply.Id) == "Delivered", "Delivered on the rep's ConversationEntry");
        await platform.SendStatusAsync("st-3", Guest, agentReply.Id, "read");
        await platform.SendStatusAsync("st-4", Guest, repReply.Id, "read");
        await WaitFor.ConditionAsync(() => StatusOf(test, agentReply.Id) == "Read" && StatusOf(test, repReply.Id) == "Read",
            "Read on the outbound ConversationEntry records");

        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello, can I book a table for two tonight?");
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");
}
