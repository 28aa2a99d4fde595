using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>The emulated org seen only through its public protocols, as a connector written from Salesforce's docs sees it.</summary>
public sealed class ConversationEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Rep => SeededOrg.Reps[0].Username;

    [Fact]
    public async Task Message_AgentReplyArrivesAsChatbotEventPerContract()
    {
        await using var client = await DocsOnlyClient.StartAsync();

        var accepted = await client.SendTextAsync("e2e-user-1", "What are your opening hours?");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();

        var (reply, _) = await client.WaitForMessageAsync(conversationId, "Chatbot");
        Assert.StartsWith("We're open", DocsOnlyClient.Text(reply), StringComparison.Ordinal);
        var sender = reply["payload"]!["sender"]!;
        Assert.Equal(("Chatbot", "chatbot"), (sender["role"]!.GetValue<string>(), sender["appType"]!.GetValue<string>()));
        Assert.Equal(("e2e-user-1", "EndUser"), (reply["recipient"]!["subject"]!.GetValue<string>(), reply["recipient"]!["role"]!.GetValue<string>()));
        Assert.Equal(client.ChannelAddress, reply["channelAddressIdentifier"]!.GetValue<string>());
        client.AssertAllEventsMatchContract();
    }

    [Fact]
    public async Task ReservationDialogue_PlainText_MakeCheckCancelAndHours()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var date = DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds())).AddDays(30)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var answers = await ConverseAsync(client, "e2e-guide",
            "I'd like to book a table", "Maria Lopez", "4", date, "7:30pm", "can you check my reservation RES-1001?", "I need to cancel",
            "RES-1001", "What are your opening hours?");

        Assert.Equal("Sure! What name should the reservation be under?", answers[0]);
        Assert.StartsWith("How many people will be joining?", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("For which date?", answers[2], StringComparison.Ordinal);
        Assert.StartsWith("At what time?", answers[3], StringComparison.Ordinal);
        Assert.Equal($"You're all set, Maria Lopez! A table for 4 on {date} at 19:30. Your reference is RES-1001.", answers[4]);
        Assert.Equal($"Reservation RES-1001: a table for 4 under Maria Lopez on {date} at 19:30. Status: confirmed.", answers[5]);
        Assert.Equal("What is your reservation reference? It looks like RES-1001.", answers[6]);
        Assert.Equal($"Your reservation RES-1001 for 4 on {date} at 19:30 is cancelled. Anything else?", answers[7]);
        Assert.StartsWith("We're open", answers[8], StringComparison.Ordinal);
        Assert.DoesNotContain(client.Events, e => e["payload"]!["entryPayload"]?["abstractMessage"]?["messageType"]?.GetValue<string>() == "ChoicesMessage");
        client.AssertAllEventsMatchContract();
    }

    [Fact]
    public async Task ReservationDialogue_WithoutButtons_GreetingIsPlainTextListingOptions()
    {
        await using var client = await DocsOnlyClient.StartAsync();

        var accepted = await client.SendTextAsync("e2e-plain", "hi");

        var (greeting, _) = await client.WaitForMessageAsync(accepted["conversationIdentifier"]!.GetValue<string>(), "Chatbot");
        Assert.Equal("StaticContentMessage", greeting["payload"]!["entryPayload"]!["abstractMessage"]!["messageType"]!.GetValue<string>());
        Assert.EndsWith("(Make a reservation, Check a reservation, Cancel a reservation, Opening hours)", DocsOnlyClient.Text(greeting),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Opening hours")]
    [InlineData(null)]
    public async Task ReservationDialogue_ButtonsRegistered_ChoicesPickContinuesDialogue(string? optionTitle)
    {
        await using var client = await DocsOnlyClient.StartAsync();
        await client.RegisterButtonsAsync();

        var accepted = await client.SendTextAsync("e2e-buttons", "hi");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var (choices, index) = await client.WaitForMessageAsync(conversationId, "Chatbot");
        var message = choices["payload"]!["entryPayload"]!["abstractMessage"]!;
        Assert.Equal("ChoicesMessage", message["messageType"]!.GetValue<string>());
        Assert.Equal("Buttons", message["choices"]!["formatType"]!.GetValue<string>());
        var hours = message["choices"]!["optionItems"]!.AsArray().Single(o => o!["titleItem"]!["title"]!.GetValue<string>() == "Opening hours")!;

        await client.SendChoiceAsync("e2e-buttons", message["id"]!.GetValue<string>(), hours["optionIdentifier"]!.GetValue<string>(), optionTitle);

        var (answer, _) = await client.WaitForMessageAsync(conversationId, "Chatbot", index + 1);
        Assert.StartsWith("We're open", DocsOnlyClient.Text(answer), StringComparison.Ordinal);
        client.AssertAllEventsMatchContract();
    }

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
    public async Task Inactivity_SessionGoesInactiveThenCustomerMessageReopensAndIsAnswered()
    {
        await using var client = await DocsOnlyClient.StartAsync(
            "--Routing:InactivityTimeout=00:00:01", "--Routing:InactivitySweepInterval=00:00:00.200");
        var accepted = await client.SendTextAsync("e2e-idle", "What are your opening hours?");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (_, firstIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot");

        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Inactive", "session Inactive");
        Assert.Empty(await client.QueryAsync($"SELECT Id FROM AgentWork WHERE WorkItemId = '{sessionId}' AND Status = 'Opened'"));

        var again = await client.SendTextAsync("e2e-idle", "What are your opening hours?");

        Assert.Equal(sessionId, again["workItemIds"]![0]!.GetValue<string>());
        var (answer, _) = await client.WaitForMessageAsync(conversationId, "Chatbot", firstIndex + 1);
        Assert.StartsWith("We're open", DocsOnlyClient.Text(answer), StringComparison.Ordinal);
        var reopened = await client.QueryAsync($"SELECT Status, AgentType FROM MessagingSession WHERE Id = '{sessionId}'");
        Assert.Contains(reopened[0]!["Status"]!.GetValue<string>(), new[] { "Waiting", "Active" });
        client.AssertAllEventsMatchContract();
    }

    [Fact]
    public async Task Inactivity_AfterRep_ReopenGoesToQueueNeverBackToAgent()
    {
        await using var client = await DocsOnlyClient.StartAsync(
            "--Routing:InactivityTimeout=00:00:01", "--Routing:InactivitySweepInterval=00:00:00.200");
        var accepted = await client.SendTextAsync("e2e-idle-rep", "I want to speak to a human");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (_, handoffIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot", containing: "connecting you");
        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "session Waiting");
        var waiting = await client.SendTextAsync("e2e-idle-rep", "hello? anyone there?");
        await client.WaitForEntryAsync(sessionId, "hello? anyone there?");
        using var rep = client.CreateRepClient(Rep);
        (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).EnsureSuccessStatusCode();
        using (var accept = await rep.PostAsync($"/console/api/work/{sessionId}/accept", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        }

        var (_, joinedIndex) = await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("add Agent"), "rep joined",
            handoffIndex + 1);
        await client.WaitForAsync(conversationId,
            e => DocsOnlyClient.EntryType(e) == "ReadAcknowledgement" && DocsOnlyClient.SenderRole(e) == "Agent" &&
                e["payload"]!["entryPayload"]!["acknowledgedConversationEntryIdentifier"]!.GetValue<string>() == waiting["id"]!.GetValue<string>(),
            "the rep's read receipt for the message sent while queued", joinedIndex);
        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Inactive", "session Inactive");
        await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("remove Agent"), "rep removed", joinedIndex + 1);

        await client.SendTextAsync("e2e-idle-rep", "What are your opening hours?");

        var session = await client.QueryUntilAsync($"SELECT Status, Owner.Name, AgentType FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "session back in the queue");
        Assert.Equal("AgentforceChannel Queue", session["Owner"]!["Name"]!.GetValue<string>());
        Assert.Single(await client.QueryAsync($"SELECT Id FROM PendingServiceRouting WHERE WorkItemId = '{sessionId}'"));
        await client.WaitForEntryAsync(sessionId, "What are your opening hours?");
        await Task.Delay(300, Token);
        Assert.DoesNotContain(client.Events.Skip(handoffIndex + 1), e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message");
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
    public async Task Retry_SameMessageIdAfterUnseenAccept_Rejected10073AndAnsweredOnce()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var json = Interactions.ScrtTestClient.TextInteraction(client.ChannelAddress, "e2e-retry", "What are your opening hours?");
        var (first, accepted) = await client.Scrt.PostInteractionAsync(json);
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var (_, index) = await client.WaitForMessageAsync(conversationId, "Chatbot");

        var (second, rejected) = await client.Scrt.PostInteractionAsync(json);
        await client.SendTextAsync("e2e-retry", "thanks");
        await client.WaitForMessageAsync(conversationId, "Chatbot", index + 1);

        Assert.Equal((HttpStatusCode.Accepted, 10073), (first, rejected["code"]!.GetValue<int>()));
        Assert.True((int)second >= 400);
        Assert.Single(client.Events, e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.Text(e)?.StartsWith("We're open", StringComparison.Ordinal) == true);
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

    /// <summary>Sends each text and waits for the agent's next message; returns the answers' texts.</summary>
    private static async Task<List<string>> ConverseAsync(DocsOnlyClient client, string endUser, params string[] texts)
    {
        var answers = new List<string>();
        var from = 0;
        foreach (var text in texts)
        {
            var accepted = await client.SendTextAsync(endUser, text);
            var (answer, index) = await client.WaitForAsync(accepted["conversationIdentifier"]!.GetValue<string>(),
                e => DocsOnlyClient.EntryType(e) == "Message" && DocsOnlyClient.SenderRole(e) == "Chatbot", $"the answer to '{text}'", from);
            answers.Add(DocsOnlyClient.Text(answer)!);
            from = index + 1;
        }

        return answers;
    }
}
