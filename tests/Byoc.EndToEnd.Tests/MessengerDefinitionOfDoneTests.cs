using System.Text.Json.Nodes;
using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the Messenger channel: the fake plays Meta (it verifies the callback URL
/// with the verify token as the app dashboard does, its users write to the Page, its webhook sender signs and posts
/// their events and the delivery and read watermarks of what the connector sent), the emulated org plays Salesforce.
/// </summary>
public sealed class MessengerDefinitionOfDoneTests
{
    private const string User = "6024771434247777";
    private const string VerifyToken = "dod-messenger-verify-token";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Messenger_CustomerPicksAQuickReplyThenHuman_RepRepliesAndWatermarksMarkItRead()
    {
        await using var fb = await FakeMessenger.StartAsync(new FakeMessengerOptions { AutoReceipts = ["delivery", "read"] }, Ct);
        await using var test = await StartAsync(fb);

        // A message, and Meta's redelivery of the same signed webhook: stored once.
        var hello = await fb.SendTextAsync(User, "Hello", Ct);
        await fb.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        await fb.WaitForDeliveryAsync(await fb.RedeliverAsync(hello, Ct), Ct).WaitAsync(Timeout, Ct);

        // The agent's four-option menu fits quick replies; a tapped one is the pick.
        var menu = await fb.WaitForMessageAsync(User, m => m.QuickReplies.Count > 0, Ct).WaitAsync(Timeout, Ct);
        var hours = Assert.Single(menu.QuickReplies, o => o.Title == "Opening hours");
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        var tap = await fb.TapQuickReplyAsync(User, hours.Title, hours.Payload, Ct);
        await fb.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the tapped quick reply as a ChoicesResponse entry");
        await fb.WaitForMessageAsync(User, m => m.Text?.Contains("closed on Mondays", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers on Messenger.
        await fb.SendTextAsync(User, "I want to speak to a human", Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await fb.WaitForMessageAsync(User, m => m.Text?.StartsWith("You are now talking to Alex", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        // Meta answers the rep's first attempt with 613 (rate limit): the outbox waits and nothing is lost or doubled.
        fb.Faults.ThrottleNext(1, TimeSpan.FromSeconds(1), "messages");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        var answer = await fb.WaitForMessageAsync(User, m => m.Text == "Hi, this is Alex. How can I help?", Ct).WaitAsync(Timeout, Ct);

        // Receipts: the delivery and read watermarks after the rep's message mark its entry Read.
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Read", "Read on the rep's ConversationEntry");
        Assert.Equal("RESPONSE", answer.MessagingType);
        Assert.Single(fb.SentMessages.Items, m => m.Text == "Hi, this is Alex. How can I help?");
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Messenger_ConversationCrossesTwentyFourHours_AgentFailsNamingTheWindowRepGoesWithHumanAgent()
    {
        // The end user wrote 25 hours ago on Meta's (fake) clock, which then catches up with the connector's and runs with
        // it, as Meta's does: its delivery watermarks then cover the entries the connector sent before them, even when a
        // delivery arrives before the Send API's answer has told the connector the message's mid.
        var clock = new ShiftedClock { Shift = -TimeSpan.FromHours(25) };
        await using var fb = await FakeMessenger.StartAsync(new FakeMessengerOptions { TimeProvider = clock, RetryDelays = [], AutoReceipts = ["delivery"] }, Ct);
        await using var test = await StartAsync(fb);

        await fb.WaitForDeliveryAsync(await fb.SendTextAsync(User, "Hello", Ct), Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        // The agent's answer is no rep's: after the standard window it fails to Salesforce naming it.
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("EntryType") == "MessageDeliveryFailed"),
            "MessageDeliveryFailed for the agent's answer");
        var failure = test.Entries(session).First(e => e.GetString("EntryType") == "MessageDeliveryFailed");
        Assert.Contains("24-hour standard messaging window is closed", failure.GetString("Message"), StringComparison.Ordinal);

        await fb.WaitForDeliveryAsync(await fb.SendTextAsync(User, "I want to speak to a human", Ct), Ct).WaitAsync(Timeout, Ct);
        clock.Shift = TimeSpan.Zero;
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex, a day later.");

        var sent = await fb.WaitForMessageAsync(User, m => m.Text == "Hi, this is Alex, a day later.", Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(("MESSAGE_TAG", "HUMAN_AGENT"), (sent.MessagingType, sent.Tag));
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Delivered", "Delivered on the rep's entry (the delivery's mids)");
        Assert.DoesNotContain(fb.SentMessages.Items, m => m.MessagingType == "RESPONSE");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Messenger_BatchWithADuplicateAndAMalformedItem_StoresExactlyTheGoodItemsOnce()
    {
        await using var fb = await FakeMessenger.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(fb);
        var hello = fb.TextMessage(User, "Hello");
        var malformed = new JsonObject { ["sender"] = new JsonObject { ["id"] = User }, ["message"] = new JsonObject { ["text"] = "no mid, no time" } };

        var batch = await fb.PostEventsAsync([hello, hello, malformed, fb.TextMessage(User, "What are your opening hours?")], Ct);
        await fb.WaitForDeliveryAsync(batch, Ct).WaitAsync(Timeout, Ct);
        await fb.WaitForDeliveryAsync(await fb.RedeliverAsync(batch, Ct), Ct).WaitAsync(Timeout, Ct);

        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Count(e => e.GetString("ActorType") == "EndUser") >= 2, "both good messages in the org");
        var fromUser = test.Entries(session).Where(e => e.GetString("ActorType") == "EndUser").Select(e => e.GetString("Message")).ToList();
        Assert.Equal(["Hello", "What are your opening hours?"], fromUser.Order(StringComparer.Ordinal));
    }

    private static async Task<TestStack> StartAsync(FakeMessenger fb)
    {
        const string Key = "--Connector:Messenger:Channels:fb";
        var test = await TestStack.StartAsync(null,
        [
            $"{Key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{Key}:AppSecret={fb.Options.AppSecret}",
            $"{Key}:VerifyToken={VerifyToken}",
            $"{Key}:PageAccessToken={fb.Options.PageAccessToken}",
            $"{Key}:PageId={fb.Options.PageId}",
            $"{Key}:GraphBaseUrl={fb.BaseAddress}",
        ]);
        var verified = await fb.VerifyCallbackAsync(new Uri(test.Stack.ConnectorUrl, "/channels/fb"), VerifyToken, Ct);
        Assert.True(verified.Verified, $"The callback answered {verified.StatusCode}: {verified.Body}");
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The system clock moved by <see cref="Shift"/>: a platform clock that runs in real time from a chosen point.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }
}
