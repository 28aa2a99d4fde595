using System.Net;
using System.Net.Http.Json;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>Inactivity and re-open through the public protocols, with a short timeout and sweep interval.</summary>
public sealed class InactivityEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Rep => SeededOrg.Reps[0].Username;

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
}
