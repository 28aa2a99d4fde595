using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>The Messenger channel's outbound half against the fake Send API.</summary>
public sealed class MessengerOutboundTests
{
    private const string User = "6024771434243333";

    [Fact]
    public async Task SendAsync_TextOverTheLimit_SplitInOrderAsResponsesAfterMarkSeen()
    {
        await using var test = await StartInWindowAsync();
        var first = string.Join(" ", Enumerable.Repeat("alpha", 300));
        var second = string.Join(" ", Enumerable.Repeat("omega", 100));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(first + "\n\n" + second), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal([first, second], test.Messenger.SentMessages.Items.Select(m => m.Text));
        Assert.All(test.Messenger.SentMessages.Items, m => Assert.Equal(("text", "RESPONSE", (string?)null), (m.Kind, m.MessagingType, m.Tag)));
        Assert.Equal([new MessengerSenderAction(User, "mark_seen")], test.Messenger.SenderActions.Items);
    }

    [Fact]
    public async Task SendAsync_ThreeButtons_ButtonTemplateOfPostbacks()
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices("Which time?", "Buttons", "19:00", "19:30", "20:00"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Messenger.SentMessages.Items);
        Assert.Equal(("template", "Which time?"), (sent.Kind, sent.Text));
        Assert.Equal([("c0", "19:00"), ("c1", "19:30"), ("c2", "20:00")], sent.Buttons);
    }

    [Theory]
    [InlineData(4, "Buttons")]
    [InlineData(13, "QuickReplies")]
    public async Task SendAsync_UpToThirteenChoices_QuickReplies(int count, string format)
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices("Pick a day", format, [.. Enumerable.Range(1, count).Select(i => $"Day {i}")]), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Messenger.SentMessages.Items);
        Assert.Equal(("text", "Pick a day", count), (sent.Kind, sent.Text, sent.QuickReplies.Count));
    }

    [Theory]
    [InlineData(14, "Option")]
    [InlineData(2, "A title longer than twenty characters")]
    public async Task SendAsync_ChoicesBeyondTheLimits_NumberedText(int count, string title)
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices("Choose", "Buttons", [.. Enumerable.Range(1, count).Select(i => $"{title} {i}")]), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Messenger.SentMessages.Items);
        Assert.Equal(("text", 0), (sent.Kind, sent.QuickReplies.Count));
        Assert.Contains($"2. {title} 2", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Typing_TypingOnAndOffInsideTheWindowOnly()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await MessengerTestHost.StartAsync(Ct, Options(clock), clock);
        await WriteAsync(test);

        await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStarted }, Ct);
        await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStopped }, Ct);
        clock.Advance(TimeSpan.FromHours(25));
        var outside = await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStarted }, Ct);

        Assert.True(outside.IsSuccess, outside.Error);
        Assert.Equal(["typing_on", "typing_off"], test.Messenger.SenderActions.Items.Select(a => a.Action));
    }

    [Fact]
    public async Task SendAsync_ConversationCrossesTheWindow_RepGetsHumanAgentAgentFailsNamingTheWindow()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await MessengerTestHost.StartAsync(Ct, Options(clock), clock);
        await WriteAsync(test);

        var inside = await test.ChannelInstance.Outbound.SendAsync(Text("Hello from the agent") with { SenderRole = "Chatbot" }, Ct);
        clock.Advance(TimeSpan.FromHours(25));
        var agent = await test.ChannelInstance.Outbound.SendAsync(Text("Are you still there?") with { SenderRole = "Chatbot" }, Ct);
        var rep = await test.ChannelInstance.Outbound.SendAsync(Text("Your refund went through.") with { SenderRole = "Agent" }, Ct);
        clock.Advance(TimeSpan.FromDays(7));
        var late = await test.ChannelInstance.Outbound.SendAsync(Text("One more thing") with { SenderRole = "Agent" }, Ct);

        Assert.True(inside.IsSuccess, inside.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, agent.Kind);
        Assert.Contains("24-hour standard messaging window is closed", agent.Error, StringComparison.Ordinal);
        Assert.Contains("only a human rep's message", agent.Error, StringComparison.Ordinal);
        Assert.True(rep.IsSuccess, rep.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, late.Kind);
        Assert.Contains("reaches only 7 days", late.Error, StringComparison.Ordinal);
        Assert.Equal([("Hello from the agent", "RESPONSE", null), ("Your refund went through.", "MESSAGE_TAG", "HUMAN_AGENT")],
            test.Messenger.SentMessages.Items.Select(m => (m.Text, m.MessagingType, m.Tag)));
    }

    [Fact]
    public async Task SendAsync_HumanAgentTagOff_RepAfterTheWindowFailsNamingTheSetting()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await MessengerTestHost.StartAsync(Ct, Options(clock), clock, extraArgs: "--Connector:Messenger:Channels:fb:HumanAgentTag=false");
        await WriteAsync(test);
        clock.Advance(TimeSpan.FromHours(30));

        var rep = await test.ChannelInstance.Outbound.SendAsync(Text("Hello") with { SenderRole = "Agent" }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, rep.Kind);
        Assert.Contains("HUMAN_AGENT tag is off", rep.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Messenger.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_MetaSaysOutsideTheWindow_PermanentNamingTheWindow()
    {
        // The connector believes the window lasts 48 hours; Meta's 24 hours win with 10/2018278.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await MessengerTestHost.StartAsync(Ct, Options(clock), clock,
            extraArgs: ["--Connector:Messenger:Channels:fb:StandardMessagingWindow=2.00:00:00", "--Connector:Messenger:Channels:fb:ReadReceipts=false"]);
        await WriteAsync(test);
        clock.Advance(TimeSpan.FromHours(30));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Late answer"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("outside Messenger's allowed window", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("error 10/2018278", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RateLimit613ThenTemporary1200_RetryableAndNothingSent()
    {
        await using var test = await StartInWindowAsync();
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(Text("One moment"), Ct)).IsSuccess);
        test.Messenger.Faults.ThrottleNext(1, TimeSpan.FromSeconds(1), "messages");
        test.Messenger.Faults.FailNext(1, 500, "messages");

        var throttled = await test.ChannelInstance.Outbound.SendAsync(Text("Booked."), Ct);
        var temporary = await test.ChannelInstance.Outbound.SendAsync(Text("Booked."), Ct);
        var retried = await test.ChannelInstance.Outbound.SendAsync(Text("Booked."), Ct);

        Assert.Equal((DeliveryOutcomeKind.Retryable, DeliveryOutcomeKind.Retryable), (throttled.Kind, temporary.Kind));
        Assert.Contains("error 613", throttled.Error, StringComparison.Ordinal);
        Assert.Contains("error 1200", temporary.Error, StringComparison.Ordinal);
        Assert.True(retried.IsSuccess, retried.Error);
        Assert.Single(test.Messenger.SentMessages.Items, m => m.Text == "Booked.");
    }

    [Fact]
    public async Task SendAsync_WrongTokenOrUnknownUser_RetryableNamingTheTokenOrPermanent()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct, new FakeMessengerOptions { AutoReceipts = [], RetryDelays = [] },
            extraArgs: "--Connector:Messenger:Channels:fb:PageAccessToken=EAAwrong");
        await WriteAsync(test);

        var wrongToken = await test.ChannelInstance.Outbound.SendAsync(Text("Hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, wrongToken.Kind);
        Assert.Contains("error 190", wrongToken.Error, StringComparison.Ordinal);
        Assert.Contains("PageAccessToken is invalid or expired", wrongToken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UserWhoNeverWrote_PermanentNamingTheWindowAndNothingSent()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct, new FakeMessengerOptions { AutoReceipts = [], RetryDelays = [] });

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Hello") with { SenderRole = "Agent" }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("the end user never wrote", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Messenger.SentMessages.Count);
    }

    private static FakeMessengerOptions Options(TimeProvider clock) => new() { TimeProvider = clock, RetryDelays = [], AutoReceipts = [] };

    private static async Task<MessengerTestHost> StartInWindowAsync()
    {
        var test = await MessengerTestHost.StartAsync(Ct, new FakeMessengerOptions { AutoReceipts = [], RetryDelays = [] });
        await WriteAsync(test);
        return test;
    }

    private static async Task WriteAsync(MessengerTestHost test)
    {
        var hello = await test.Messenger.SendTextAsync(User, "hi", Ct);
        await test.Messenger.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
    }

    private static OutboundMessage Text(string? text) => new()
    {
        Channel = "fb",
        PlatformUserId = User,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static OutboundMessage Choices(string text, string format, params string[] titles) => Text(text) with
    {
        Kind = OutboundKind.Choices,
        ChoicesFormat = format,
        Choices = [.. titles.Select((title, i) => new ChoiceOption("c" + i, title))],
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
