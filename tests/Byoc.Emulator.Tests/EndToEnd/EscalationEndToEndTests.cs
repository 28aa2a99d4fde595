using System.Net;
using System.Net.Http.Json;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>Handoff to a human through the public protocols and the rep API: queue records, accept races, receipts, transfer, end.</summary>
public sealed class EscalationEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Rep => SeededOrg.Reps[0].Username;

    [Fact]
    public async Task Escalation_QueueRepAcceptsRepliesReceiptsAndEnds_RecordsFollowRoutingTable()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("e2e-escalate", "hello");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (_, greetingIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot");

        await client.SendTextAsync("e2e-escalate", "I want to speak to a human");

        var (handoff, handoffIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot", greetingIndex + 1, "connecting you");
        var (removed, removedIndex) = await client.WaitForAsync(conversationId,
            e => DocsOnlyClient.EntryType(e) == "ParticipantChanged" && DocsOnlyClient.ParticipantChanges(e).Contains("remove Chatbot"),
            "ParticipantChanged remove chatbot", handoffIndex + 1);
        Assert.Equal("System", DocsOnlyClient.SenderRole(removed));
        var session = await client.QueryUntilAsync(
            $"SELECT Id, Status, OwnerId, Owner.Name, AgentType FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "session Waiting in the fallback queue");
        Assert.Equal(("BotToAgent", "AgentforceChannel Queue"), (session["AgentType"]!.GetValue<string>(), session["Owner"]!["Name"]!.GetValue<string>()));
        Assert.StartsWith("00G", session["OwnerId"]!.GetValue<string>(), StringComparison.Ordinal);
        var psr = Assert.Single(await client.QueryAsync($"SELECT Id, GroupId, IsTransfer FROM PendingServiceRouting WHERE WorkItemId = '{sessionId}'"));
        Assert.Equal((session["OwnerId"]!.GetValue<string>(), false), (psr!["GroupId"]!.GetValue<string>(), psr["IsTransfer"]!.GetValue<bool>()));
        var botWork = Assert.Single(await client.QueryAsync($"SELECT Id, Status, Owner.Name, BotId FROM AgentWork WHERE WorkItemId = '{sessionId}'"));
        Assert.Equal("Closed", botWork!["Status"]!.GetValue<string>());
        Assert.NotNull(botWork["BotId"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(botWork["Owner"]?["Name"]?.GetValue<string>()));

        using var rep = client.CreateRepClient(Rep);
        (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).EnsureSuccessStatusCode();
        using (var accept = await rep.PostAsync($"/console/api/work/{sessionId}/accept", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        }

        await client.WaitForAsync(conversationId,
            e => DocsOnlyClient.EntryType(e) == "ParticipantChanged" && DocsOnlyClient.ParticipantChanges(e).Contains("add Agent"),
            "ParticipantChanged add rep", removedIndex + 1);
        using (var reply = await rep.PostAsJsonAsync($"/console/api/sessions/{sessionId}/messages", new { text = "Hi, this is Alex." }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var (repMessage, _) = await client.WaitForMessageAsync(conversationId, "Agent", removedIndex + 1, "Hi, this is Alex.");
        var repMessageId = DocsOnlyClient.MessageId(repMessage)!;
        await client.AcknowledgeAsync(conversationId, "e2e-escalate", ("Delivered", repMessageId));
        var entry = await client.QueryUntilAsync($"SELECT Id, MessageStatus FROM ConversationEntry WHERE MessageIdentifier = '{repMessageId}'",
            e => e["MessageStatus"]?.GetValue<string>() == "Delivered", "MessageStatus Delivered");
        await client.AcknowledgeAsync(conversationId, "e2e-escalate", ("Read", repMessageId));
        await client.QueryUntilAsync($"SELECT Id, MessageStatus FROM ConversationEntry WHERE MessageIdentifier = '{repMessageId}'",
            e => e["MessageStatus"]?.GetValue<string>() == "Read", "MessageStatus Read");
        var active = await client.QueryUntilAsync($"SELECT Status, Owner.Name, AcceptTime FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Active", "session Active with the rep");
        Assert.Equal("Alex Rivera", active["Owner"]!["Name"]!.GetValue<string>());
        var repWork = Assert.Single(await client.QueryAsync(
            $"SELECT Status, Owner.Name, OriginalQueueId FROM AgentWork WHERE WorkItemId = '{sessionId}' AND Status = 'Opened'"));
        Assert.Equal(("Alex Rivera", session["OwnerId"]!.GetValue<string>()),
            (repWork!["Owner"]!["Name"]!.GetValue<string>(), repWork["OriginalQueueId"]!.GetValue<string>()));
        Assert.Empty(await client.QueryAsync($"SELECT Id FROM PendingServiceRouting WHERE WorkItemId = '{sessionId}'"));

        using (var end = await rep.PostAsync($"/console/api/sessions/{sessionId}/end", null, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        }

        var ended = await client.QueryUntilAsync($"SELECT Status, EndTime, EndedByType FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Ended", "session Ended");
        Assert.Equal("Agent", ended["EndedByType"]!.GetValue<string>());
        Assert.NotNull(ended["EndTime"]?.GetValue<string>());
        var work = await client.QueryAsync($"SELECT Status, Owner.Name FROM AgentWork WHERE WorkItemId = '{sessionId}' AND Status != 'Closed'");
        Assert.Empty(work);
        Assert.DoesNotContain(client.Events.Skip(handoffIndex + 1), e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message");
        Assert.NotNull(entry);
        client.AssertAllEventsMatchContract();
    }

    [Fact]
    public async Task Races_MessageDuringEscalationUnanswered_TwoRepsAcceptOnlyOneWins_AgentSilentAfterHandoff()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("e2e-race", "hello");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (_, greetingIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot");

        await client.SendTextAsync("e2e-race", "I want to speak to a human");
        await client.SendTextAsync("e2e-race", "what are your opening hours?");

        var (_, handoffIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot", greetingIndex + 1, "connecting you");
        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "session Waiting");
        await client.WaitForEntryAsync(sessionId, "what are your opening hours?");

        using var first = client.CreateRepClient(SeededOrg.Reps[0].Username);
        using var second = client.CreateRepClient(SeededOrg.Reps[1].Username);
        foreach (var rep in new[] { first, second })
        {
            (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).EnsureSuccessStatusCode();
        }

        var accepts = await Task.WhenAll(new[] { first, second }.Select(rep => rep.PostAsync($"/console/api/work/{sessionId}/accept", null, Token)));
        try
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], accepts.Select(a => a.StatusCode).Order());
            var loser = accepts.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("Already accepted", await loser.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var response in accepts)
            {
                response.Dispose();
            }
        }

        Assert.Single(await client.QueryAsync($"SELECT Id FROM AgentWork WHERE WorkItemId = '{sessionId}' AND Status = 'Opened'"));
        await client.SendTextAsync("e2e-race", "are you still there?");
        await client.WaitForEntryAsync(sessionId, "are you still there?");
        await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("add Agent"), "rep joined", handoffIndex + 1);
        Assert.DoesNotContain(client.Events.Skip(handoffIndex + 1), e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message");
        client.AssertAllEventsMatchContract();
    }

    [Fact]
    public async Task Transfer_RepHandsBackToQueue_SecondRepTakesOverAndEndedSessionStartsAfreshWithAgent()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("e2e-transfer", "I want to speak to a human");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (_, handoffIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot", containing: "connecting you");
        using var alex = client.CreateRepClient(SeededOrg.Reps[0].Username);
        using var sam = client.CreateRepClient(SeededOrg.Reps[1].Username);
        foreach (var rep in new[] { alex, sam })
        {
            (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).EnsureSuccessStatusCode();
        }

        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "session Waiting");
        Assert.Equal(HttpStatusCode.OK, (await alex.PostAsync($"/console/api/work/{sessionId}/accept", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.PostAsync($"/console/api/sessions/{sessionId}/transfer", null, Token)).StatusCode);

        var (_, removedIndex) = await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("remove Agent"),
            "Alex leaving", handoffIndex + 1);
        var psr = await client.QueryUntilAsync($"SELECT IsTransfer, Group.Name FROM PendingServiceRouting WHERE WorkItemId = '{sessionId}'",
            p => p["IsTransfer"]!.GetValue<bool>(), "a transfer PSR");
        Assert.Equal("AgentforceChannel Queue", psr["Group"]!["Name"]!.GetValue<string>());
        Assert.Single(await client.QueryAsync($"SELECT Id FROM AgentWork WHERE WorkItemId = '{sessionId}' AND Status = 'Transferred'"));
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/console/api/work/{sessionId}/accept", null, Token)).StatusCode);
        await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("add Agent"), "Sam joining", removedIndex + 1);
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsync($"/console/api/sessions/{sessionId}/end", null, Token)).StatusCode);
        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Ended", "session Ended");

        var again = await client.SendTextAsync("e2e-transfer", "What are your opening hours?");

        var newSessionId = again["workItemIds"]![0]!.GetValue<string>();
        Assert.NotEqual(sessionId, newSessionId);
        var (answer, _) = await client.WaitForMessageAsync(again["conversationIdentifier"]!.GetValue<string>(), "Chatbot",
            containing: "We're open");
        Assert.Equal("e2e-transfer", answer["recipient"]!["subject"]!.GetValue<string>());
        client.AssertAllEventsMatchContract();
    }
}
