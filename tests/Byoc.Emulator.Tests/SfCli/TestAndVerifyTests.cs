using System.Net;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Tests.Interactions;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// Guide step 6 after a conversation went through the Interaction Service API: the MessagingSession, AgentWork,
/// MessagingEvent (does not exist) and ConversationEntry (the transcript) queries, and the escalation check.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TestAndVerifyTests(SfOrg org) : IClassFixture<SfOrg>
{
    [Fact]
    public async Task DataQuery_GuideSessionAndWorkQueries_ShowTheAgentHandledSession()
    {
        org.SkipWhenMissing();
        var sessionId = await StartConversationAsync("Hello, I'd like to book a table");

        var byChannel = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, Status, AgentType, OwnerId, CreatedDate, MessagingChannelId FROM MessagingSession " +
            "WHERE MessagingChannel.DeveloperName='AgentforceChannel' ORDER BY CreatedDate DESC LIMIT 5"));
        var byType = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, Status, AgentType, OwnerId, CreatedDate FROM MessagingSession WHERE MessagingChannel.MessageType='Custom' " +
            "ORDER BY CreatedDate DESC LIMIT 5"));
        var work = SfOrg.Records(await org.QueryAsync("SELECT Id, WorkItemId, BotId, RoutingType, CreatedDate FROM AgentWork ORDER BY CreatedDate DESC LIMIT 5"));

        var session = Assert.Single(byChannel, s => s.GetProperty("Id").GetString() == sessionId);
        Assert.Contains(session.GetProperty("Status").GetString(), new[] { "Active", "Ended" });
        Assert.False(string.IsNullOrEmpty(session.GetProperty("AgentType").GetString()));
        Assert.Equal(org.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single().Id,
            session.GetProperty("MessagingChannelId").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$", session.GetProperty("CreatedDate").GetString());
        Assert.Contains(byType, s => s.GetProperty("Id").GetString() == sessionId);
        var botWork = Assert.Single(work, w => w.GetProperty("WorkItemId").GetString() == sessionId);
        Assert.Equal(org.Store.Records("BotDefinition").Single().Id, botWork.GetProperty("BotId").GetString());
    }

    [Fact]
    public async Task DataQuery_GuideMessagingEventQuery_FailsWithInvalidTypeAndConversationEntryHasTheTranscript()
    {
        org.SkipWhenMissing();
        var sessionId = await StartConversationAsync("Hi there");

        var guide = await org.QueryAsync(
            "SELECT Id, MessageText, SenderType, CreatedDate FROM MessagingEvent " +
            "WHERE MessagingSession.MessagingChannel.DeveloperName='AgentforceChannel' ORDER BY CreatedDate DESC LIMIT 10");
        var transcript = SfOrg.Records(await org.QueryAsync(
            $"SELECT Id, ActorType, Message, EntryType, EntryTime FROM ConversationEntry WHERE ConversationId='{sessionId}' ORDER BY EntryTime ASC"));

        Assert.Equal(1, guide.ExitCode);
        Assert.Equal("INVALID_TYPE", guide.ErrorName);
        Assert.Contains("sObject type 'MessagingEvent' is not supported.", guide.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(transcript, e => e.GetProperty("ActorType").GetString() == "EndUser" && e.GetProperty("Message").GetString() == "Hi there");
        Assert.Contains(transcript, e => e.GetProperty("ActorType").GetString() == "Bot");
    }

    [Fact]
    public async Task DataQuery_GuideEscalationQuery_ShowsTheFallbackQueueAsOwner()
    {
        org.SkipWhenMissing();
        var sessionId = await StartConversationAsync("Hello");
        var queue = org.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single();
        await SendAsync(sessionId, "I want to speak to a human", () => org.Store.Get(sessionId)?.GetString("OwnerId") == queue.Id);

        var records = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, Status, OwnerId, Owner.Name, AgentType FROM MessagingSession WHERE MessagingChannel.DeveloperName='AgentforceChannel' " +
            "ORDER BY CreatedDate DESC LIMIT 1"));

        var session = Assert.Single(records);
        Assert.Equal(sessionId, session.GetProperty("Id").GetString());
        Assert.Equal(queue.Id, session.GetProperty("OwnerId").GetString());
        Assert.Equal(queue.GetString("Name"), session.GetProperty("Owner").GetProperty("Name").GetString());
    }

    private string? _endUser;

    /// <summary>Sends a first message from a new end user and waits until the agent answered; returns the session id (18).</summary>
    private async Task<string> StartConversationAsync(string text)
    {
        _endUser = "sf-cli-" + Guid.NewGuid().ToString("N")[..12];
        // The org's clock is fake: move it so that each test's session is the newest by CreatedDate.
        org.Emulator.Time.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(null, text, () => SessionOf(_endUser) is { } s && org.Store.Lookup("AgentWork", "WorkItemId", s.Id).Count > 0 &&
            org.Store.Lookup("ConversationEntry", "ConversationId", s.Id).Any(e => e.GetString("ActorType") == "Bot"));
        return SessionOf(_endUser)!.Id;
    }

    private async Task SendAsync(string? sessionId, string text, Func<bool> done)
    {
        using var client = await ScrtTestClient.CreateAsync(org.Emulator);
        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, _endUser!, text));
        Assert.True(status == HttpStatusCode.Accepted, body.ToJsonString());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"The emulated org did not finish handling '{text}' (session {sessionId}).");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private SObjectRecord? SessionOf(string endUser) =>
        org.Store.Records("MessagingSession").Where(s => org.Store.Get(s.GetString("MessagingEndUserId") ?? "")?.GetString("MessagingPlatformKey") == endUser)
            .OrderByDescending(s => s.GetString("CreatedDate")).FirstOrDefault();
}
