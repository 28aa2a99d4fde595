using System.Text.Json.Nodes;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>The WhatsApp channel's outbound half against the fake Cloud API.</summary>
public sealed class WhatsAppOutboundTests
{
    private const string User = "15550003333";

    [Fact]
    public async Task SendAsync_TextOverTheLimit_SplitIntoMessagesInOrderEachCarryingTheEntry()
    {
        await using var test = await StartInWindowAsync();
        var first = string.Join(" ", Enumerable.Repeat("alpha", 600));
        var second = string.Join(" ", Enumerable.Repeat("omega", 150));
        var message = Text(test, first + "\n\n" + second);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal([first, second], test.Meta.SentMessages.Items.Select(m => m.Text));
        Assert.All(test.Meta.SentMessages.Items, m => Assert.Equal(("text", User, message.EntryIdentifier), (m.Type, m.To, m.CallbackData)));
    }

    [Fact]
    public async Task SendAsync_ThreeShortChoices_ReplyButtons()
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Which time?", "19:00", "19:30", "20:00"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Meta.SentMessages.Items);
        Assert.Equal(("interactive", "button", "Which time?"), (sent.Type, sent.InteractiveType, sent.Text));
        Assert.Equal([("c0", "19:00"), ("c1", "19:30"), ("c2", "20:00")], sent.Options);
    }

    [Fact]
    public async Task SendAsync_SevenChoices_ListWithARowEach()
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Pick a day", [.. Enumerable.Range(1, 7).Select(i => $"Day {i}")]), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Meta.SentMessages.Items);
        Assert.Equal(("interactive", "list", 7), (sent.Type, sent.InteractiveType, sent.Options.Count));
    }

    [Theory]
    [InlineData(11, "Option")]
    [InlineData(2, "A title much longer than twenty-four characters")]
    public async Task SendAsync_ChoicesBeyondTheLimits_NumberedText(int count, string title)
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Choose", [.. Enumerable.Range(1, count).Select(i => $"{title} {i}")]), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Meta.SentMessages.Items);
        Assert.Equal("text", sent.Type);
        Assert.Contains($"2. {title} 2", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConversationCrossesTheWindow_FreeFormInsideThenFailureNamingTheWindow()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await WhatsAppTestHost.StartAsync(Ct, Options(clock), clock);
        await WriteAsync(test);

        var inside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Hello from the agent"), Ct);
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var outside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Are you still there?"), Ct);

        Assert.True(inside.IsSuccess, inside.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outside.Kind);
        Assert.Contains("24-hour customer-service window is closed", outside.Error, StringComparison.Ordinal);
        Assert.Equal("Hello from the agent", Assert.Single(test.Meta.SentMessages.Items).Text);
    }

    [Fact]
    public async Task SendAsync_ConversationCrossesTheWindowWithTemplate_SentAsTheTemplateWithTheTextOnOneLine()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await WhatsAppTestHost.StartAsync(Ct, Options(clock), clock, extraArgs: "--Connector:WhatsApp:Channels:wa:WindowTemplateName=follow_up");
        await WriteAsync(test);
        clock.Advance(TimeSpan.FromHours(25));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Your order shipped.\nTrack it online."), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Meta.SentMessages.Items);
        Assert.Equal(("template", "follow_up", "Your order shipped. Track it online.", false), (sent.Type, sent.TemplateName, sent.Text, sent.InWindow));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_MessageDefinitionWithAMapping_ItsTemplateWithTheMappedParametersInOrder(bool inWindow)
    {
        var meta = new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] };
        meta.Templates["order_update"] = new MetaTemplate("es_MX", 2);
        await using var test = await WhatsAppTestHost.StartAsync(Ct, meta, extraArgs: [.. OrderShippedMapping]);
        if (inWindow)
        {
            await WriteAsync(test);
        }

        var outcome = await test.ChannelInstance.Outbound.SendAsync(OrderShipped(test, ("carrier", "DHL"), ("orderNumber", "A-1001")), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Meta.SentMessages.Items);
        Assert.Equal(("template", "order_update", inWindow), (sent.Type, sent.TemplateName, sent.InWindow));
        var template = JsonNode.Parse(sent.Json)!["template"]!;
        Assert.Equal("es_MX", template["language"]!["code"]!.GetValue<string>());
        Assert.Equal(["A-1001", "DHL"], template["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendAsync_MessageDefinitionMissingAMappedParameter_PermanentNamingItAndNothingSent()
    {
        var meta = new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] };
        meta.Templates["order_update"] = new MetaTemplate("es_MX", 2);
        await using var test = await WhatsAppTestHost.StartAsync(Ct, meta, extraArgs: [.. OrderShippedMapping]);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(OrderShipped(test, ("orderNumber", "A-1001")), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("takes the parameter 'carrier', which the message did not carry (it had orderNumber)", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Meta.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_MessageDefinitionWithoutAMapping_ItsTextInsideTheWindow()
    {
        await using var test = await StartInWindowAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(OrderShipped(test, ("orderNumber", "A-1001")), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("[The agent sent the message \"Order_Shipped\", which this chat cannot show.]", Assert.Single(test.Meta.SentMessages.Items).Text);
    }

    [Fact]
    public async Task SendAsync_UnknownTemplate_PermanentWithMetasCode()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, extraArgs: "--Connector:WhatsApp:Channels:wa:WindowTemplateName=not_approved");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("132001", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_MetaSaysTheWindowIsClosed_FailedStatusNamingTheWindowReachesTheInbox()
    {
        // The connector believes the window lasts 48 hours; Meta's 24 hours win, reported in the status webhook as 131047.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await WhatsAppTestHost.StartAsync(Ct, Options(clock), clock, extraArgs: "--Connector:WhatsApp:Channels:wa:CustomerServiceWindow=2.00:00:00");
        await WriteAsync(test);
        clock.Advance(TimeSpan.FromHours(30));
        var message = Text(test, "Late answer");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(message, Ct);
        var failure = await test.Meta.WebhookAttempts.WaitForAsync(a => a.Succeeded && a.Body.Length > 0
            && System.Text.Encoding.UTF8.GetString(a.Body).Contains("131047", StringComparison.Ordinal), Ct).WaitAsync(Timeout, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.NotNull(failure);
        var status = Assert.Single(await test.InboxAsync(Ct), m => m.Kind == InboundKind.Status);
        Assert.Equal((message.EntryIdentifier, DeliveryStatus.Failed), (status.StatusOfEntryIdentifier, status.Status));
        Assert.Contains("24-hour customer-service window is closed", status.StatusError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ThroughputLimit130429_RetryableAndNothingLost()
    {
        await using var test = await StartInWindowAsync();
        // A first answer marks the end user's message read, so the throttle below meets the message, not that receipt.
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(Text(test, "One moment"), Ct)).IsSuccess);
        test.Meta.Faults.ThrottleNext(1, TimeSpan.FromSeconds(1), "messages");
        var message = Text(test, "Your table is booked.");

        var throttled = await test.ChannelInstance.Outbound.SendAsync(message, Ct);
        var retried = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, throttled.Kind);
        Assert.Contains("130429", throttled.Error, StringComparison.Ordinal);
        Assert.True(retried.IsSuccess, retried.Error);
        Assert.Single(test.Meta.SentMessages.Items, m => m.Text == "Your table is booked.");
    }

    [Fact]
    public async Task SendAsync_InvalidAccessToken190_RetryableNamingTheToken()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, extraArgs: "--Connector:WhatsApp:Channels:wa:AccessToken=EAAexpired");
        await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, outcome.Kind);
        Assert.Contains("error 190", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("AccessToken", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Meta.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_TypingStarted_MarksTheLastMessageReadWithTheTypingIndicator()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        var hello = await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, null) with { Kind = OutboundKind.TypingStarted }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal(new WhatsAppReadReceipt(hello.Wamids[0], Typing: true), Assert.Single(test.Meta.ReadReceipts.Items));
        Assert.Equal(0, test.Meta.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_AnswersInTheWindow_MarkTheLastMessageReadOnceWithoutTyping()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] });
        var hello = await WriteAsync(test);

        var first = await test.ChannelInstance.Outbound.SendAsync(Text(test, "One moment"), Ct);
        var second = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Here it is"), Ct);
        var again = await WriteAsync(test);
        var third = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Anything else?"), Ct);

        Assert.True(first.IsSuccess && second.IsSuccess && third.IsSuccess);
        Assert.Equal([new WhatsAppReadReceipt(hello.Wamids[0], Typing: false), new WhatsAppReadReceipt(again.Wamids[0], Typing: false)],
            test.Meta.ReadReceipts.Items);
        Assert.Equal(3, test.Meta.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_ReadReceiptsOff_AnswerSentWithoutMarkingRead()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] },
            extraArgs: "--Connector:WhatsApp:Channels:wa:ReadReceipts=false");
        await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "One moment"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Empty(test.Meta.ReadReceipts.Items);
        Assert.Equal(1, test.Meta.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_TypingOutsideTheWindow_NothingSent()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await WhatsAppTestHost.StartAsync(Ct, Options(clock), clock);
        await WriteAsync(test);
        clock.Advance(TimeSpan.FromHours(25));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, null) with { Kind = OutboundKind.TypingStarted }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Empty(test.Meta.ReadReceipts.Items);
    }

    [Fact]
    public async Task SendAsync_BusinessInitiatedWithoutTemplate_PermanentAndNothingSent()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "We have news for you"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("no WindowTemplateName", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Meta.SentMessages.Count);
    }

    private static string[] OrderShippedMapping =>
    [
        "--Connector:WhatsApp:Channels:wa:Templates:Order_Shipped:Name=order_update",
        "--Connector:WhatsApp:Channels:wa:Templates:Order_Shipped:BodyParameters:0=orderNumber",
        "--Connector:WhatsApp:Channels:wa:Templates:Order_Shipped:BodyParameters:1=carrier",
    ];

    private static OutboundMessage OrderShipped(WhatsAppTestHost test, params (string Name, string Value)[] parameters) => Text(test,
        "[The agent sent the message \"Order_Shipped\", which this chat cannot show.]") with
    {
        Definition = new OutboundMessageDefinition("Order_Shipped", [.. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))], "es-MX"),
    };

    private static FakeMetaOptions Options(TimeProvider clock) => new() { TimeProvider = clock, RetryDelays = [], AutoStatuses = [] };

    private static async Task<WhatsAppTestHost> StartInWindowAsync()
    {
        var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] });
        await WriteAsync(test);
        return test;
    }

    private static async Task<WhatsAppInbound> WriteAsync(WhatsAppTestHost test)
    {
        var hello = await test.Meta.SendTextAsync(User, "hi", cancellationToken: Ct);
        await test.Meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        return hello;
    }

    private static OutboundMessage Text(WhatsAppTestHost test, string? text) => new()
    {
        Channel = test.Channel,
        PlatformUserId = User,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static OutboundMessage Choices(WhatsAppTestHost test, string text, params string[] titles) => Text(test, text) with
    {
        Kind = OutboundKind.Choices,
        Choices = [.. titles.Select((title, i) => new ChoiceOption("c" + i, title))],
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
