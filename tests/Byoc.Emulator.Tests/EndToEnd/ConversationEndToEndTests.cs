using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Byoc.Emulator.Tests.Interactions;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>The agent through the public protocols only, as a connector written from Salesforce's docs sees it: replies, the guide's dialogue, choices, typing, retries.</summary>
public sealed class ConversationEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

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
    public async Task TypingIndicators_DuringAgentSession_AcceptedWithoutAnAnswer()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("e2e-typing", "What are your opening hours?");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var (_, index) = await client.WaitForMessageAsync(conversationId, "Chatbot");

        foreach (var entryType in new[] { "TypingStartedIndicator", "TypingStoppedIndicator" })
        {
            var (status, body) = await client.Scrt.PostInteractionAsync(ScrtTestClient.Interaction(client.ChannelAddress, "e2e-typing",
                new JsonObject
                {
                    ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                    ["interactionType"] = "EntryInteraction",
                    ["payload"] = new JsonObject
                    {
                        ["id"] = Guid.NewGuid().ToString(),
                        ["entryType"] = entryType,
                        ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                    },
                }));
            Assert.True(status == HttpStatusCode.Accepted, body.ToJsonString());
        }

        await client.SendTextAsync("e2e-typing", "Do you sell bicycles?");
        var (next, _) = await client.WaitForMessageAsync(conversationId, "Chatbot", index + 1);
        Assert.StartsWith("Sorry, I didn't get that.", DocsOnlyClient.Text(next), StringComparison.Ordinal);
        Assert.Equal(2, client.Events.Count(e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message"));
    }

    [Fact]
    public async Task Retry_SameMessageIdAfterUnseenAccept_Rejected10073AndAnsweredOnce()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var json = ScrtTestClient.TextInteraction(client.ChannelAddress, "e2e-retry", "What are your opening hours?");
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
