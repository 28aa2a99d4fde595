using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Twilio;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Twilio;

/// <summary>The Twilio channel's outbound half against the fake Messages API.</summary>
public sealed class TwilioOutboundTests
{
    private const string User = "+15550002222";
    private const string Template = "HX0000000000000000000000000000fa6e";

    [Fact]
    public async Task SendAsync_TextOverTheLimit_SplitIntoMessagesInOrderFromTheNumber()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);
        var first = string.Join(" ", Enumerable.Repeat("alpha", 250));
        var second = string.Join(" ", Enumerable.Repeat("omega", 50));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, first + "\n\n" + second), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal([first, second], test.Twilio.SentMessages.Items.Select(m => m.Body));
        Assert.All(test.Twilio.SentMessages.Items, m => Assert.Equal((test.Twilio.PhoneNumber, User), (m.From, m.To)));
    }

    [Fact]
    public async Task SendAsync_Twilio429_RetryableWithRetryAfterAndNothingLost()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);
        test.Twilio.Faults.ThrottleNext(1, TimeSpan.FromSeconds(3), "Messages");
        var message = Text(test, "Your table is booked.");

        var throttled = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, throttled.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.RetryAfter);
        Assert.Contains("20429", throttled.Error, StringComparison.Ordinal);
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(message, Ct)).IsSuccess);
        Assert.Equal("Your table is booked.", Assert.Single(test.Twilio.SentMessages.Items).Body);
    }

    [Fact]
    public async Task SendAsync_FasterThanThePerNumberAndAccountRates_RetryableWithTheWaitAndSentOnceItHasPassed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        const string Key = "--Connector:Twilio:Channels:sms:";
        await using var test = await TwilioTestHost.StartAsync(Ct, connectorClock: clock, extraArgs:
            [Key + "PerNumberMessagesPerSecond=0.1", Key + "AccountMessagesPerSecond=0.2", Key + "MaxRateLimitWait=00:00:01"]);
        const string Other = "+15550003333";

        var first = await test.ChannelInstance.Outbound.SendAsync(Text(test, "one"), Ct);
        var sameNumber = await test.ChannelInstance.Outbound.SendAsync(Text(test, "two"), Ct);
        var otherNumber = await test.ChannelInstance.Outbound.SendAsync(Text(test, "to someone else", Other), Ct);
        clock.Advance(TimeSpan.FromSeconds(10));
        var sameLater = await test.ChannelInstance.Outbound.SendAsync(Text(test, "two"), Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        var otherLater = await test.ChannelInstance.Outbound.SendAsync(Text(test, "to someone else", Other), Ct);

        Assert.True(first.IsSuccess, first.Error);
        Assert.Equal((DeliveryOutcomeKind.Retryable, TimeSpan.FromSeconds(10)), (sameNumber.Kind, sameNumber.RetryAfter));
        Assert.Equal((DeliveryOutcomeKind.Retryable, TimeSpan.FromSeconds(5)), (otherNumber.Kind, otherNumber.RetryAfter));
        Assert.True(sameLater.IsSuccess, sameLater.Error);
        Assert.True(otherLater.IsSuccess, otherLater.Error);
        Assert.Equal([(User, "one"), (User, "two"), (Other, "to someone else")], test.Twilio.SentMessages.Items.Select(m => (m.To, m.Body)));
    }

    [Fact]
    public async Task SendAsync_Twilio500_Retryable()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);
        test.Twilio.Faults.FailNext(1, 500, "Messages");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_RecipientUnsubscribedAtTwilio_PermanentWith21610AndLaterSendsStopHere()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);
        var stop = await test.Twilio.SendSmsAsync(User, "STOP", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(stop, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("opted out", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_OptOutHandlingOff_SendsAndReportsTwiliosRefusal()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, extraArgs: "--Connector:Twilio:Channels:sms:HonorOptOut=false");
        var stop = await test.Twilio.SendSmsAsync(User, "STOP", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(stop, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("21610", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhatsAppInsideThenOutsideTheWindow_FreeFormThenFailureNamingTheWindow()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true, new FakeTwilioOptions { TimeProvider = clock }, clock);
        var hello = await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);

        var inside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Hello from the agent", "whatsapp:" + User), Ct);
        clock.Advance(TimeSpan.FromHours(25));
        var outside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Are you still there?", "whatsapp:" + User), Ct);

        Assert.True(inside.IsSuccess, inside.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outside.Kind);
        Assert.Contains("24-hour", outside.Error, StringComparison.Ordinal);
        Assert.Equal("Hello from the agent", Assert.Single(test.Twilio.SentMessages.Items).Body);
    }

    [Fact]
    public async Task SendAsync_WhatsAppMessageReplayedLater_TheWindowStillCountsFromTheFirstDelivery()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true, new FakeTwilioOptions { TimeProvider = clock }, clock);
        var hello = await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        clock.Advance(TimeSpan.FromHours(23));
        using var client = test.Host.Connector.CreateClient();
        using (var replay = await client.SendAsync(test.Form(hello.Parameters), Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, replay.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(2));
        var outside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Are you still there?", "whatsapp:" + User), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outside.Kind);
        Assert.Contains("24-hour", outside.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_WhatsAppMessageNotKeptReplayedLater_TheWindowStillCountsFromTheFirstDelivery()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true, new FakeTwilioOptions { TimeProvider = clock }, clock);
        var location = await test.Twilio.SendWhatsAppLocationAsync(User, 48.8584, 2.2945, cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(location, Ct).WaitAsync(Timeout, Ct);
        clock.Advance(TimeSpan.FromHours(23));
        using var client = test.Host.Connector.CreateClient();
        using (var replay = await client.SendAsync(test.Form(location.Parameters), Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, replay.StatusCode);
        }

        var inside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Thanks for the pin", "whatsapp:" + User), Ct);
        clock.Advance(TimeSpan.FromHours(2));
        var outside = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Are you still there?", "whatsapp:" + User), Ct);

        Assert.Equal(0, await test.Host.CountRowsAsync("inbox"));
        Assert.True(inside.IsSuccess, inside.Error);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outside.Kind);
        Assert.Contains("24-hour", outside.Error, StringComparison.Ordinal);
        Assert.Equal("Thanks for the pin", Assert.Single(test.Twilio.SentMessages.Items).Body);
    }

    [Fact]
    public async Task SendAsync_WhatsAppMessageWithRefusedMedia_TheWindowIsOpenAnyway()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true, extraArgs: "--Connector:Attachments:MaxInboundBytes=2048");
        var photo = await test.Twilio.SendWhatsAppAsync(User, "here is my photo", media: [new TwilioMedia("image/png", new byte[4096])], cancellationToken: Ct);
        var attempt = await test.Twilio.WebhookAttempts.WaitForAsync(a => a.Id == photo.MessageSid, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "That photo is too large, please send a smaller one", "whatsapp:" + User), Ct);

        Assert.Equal(413, attempt.StatusCode);
        Assert.Equal(0, await test.Host.CountRowsAsync("inbox"));
        Assert.True(outcome.IsSuccess, outcome.Error);
    }

    [Fact]
    public async Task SendAsync_StopWithRefusedMedia_TheOptOutHoldsAnyway()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, extraArgs: "--Connector:Attachments:MaxInboundBytes=2048");
        var stop = await test.Twilio.SendSmsAsync(User, "STOP", [new TwilioMedia("image/png", new byte[4096])], Ct);
        var attempt = await test.Twilio.WebhookAttempts.WaitForAsync(a => a.Id == stop.MessageSid, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "hello"), Ct);

        Assert.Equal(413, attempt.StatusCode);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("opted out", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_WhatsAppOutsideTheWindowWithTemplate_SentAsTheTemplateWithTheText()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true,
            extraArgs: $"--Connector:Twilio:Channels:wa:WindowTemplateContentSid={Template}");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "Your order shipped", "whatsapp:" + User), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Twilio.SentMessages.Items);
        Assert.Equal((Template, """{"1":"Your order shipped"}""", test.Twilio.WhatsAppAddress), (sent.ContentSid, sent.ContentVariables, sent.From));
    }

    [Fact]
    public async Task SendAsync_WhatsAppChoicesThatFit_QuickReplyButtonsFromOneContentResource()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true);
        var hello = await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);

        var first = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Which time?", "whatsapp:" + User, "19:00", "19:30", "20:00"), Ct);
        var second = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Still free:", "whatsapp:" + User, "19:00", "19:30", "20:00"), Ct);

        Assert.True(first.IsSuccess && second.IsSuccess, first.Error ?? second.Error);
        var content = Assert.Single(test.Twilio.Contents.Items);
        Assert.Equal(["twilio/quick-reply", "twilio/text"], content.Types);
        var sent = test.Twilio.SentMessages.Items;
        Assert.Equal([content.Sid, content.Sid], sent.Select(m => m.ContentSid));
        Assert.Equal(["Which time?", "Still free:"], sent.Select(m => m.ContentText));
        Assert.Equal([new TwilioButton("t1900", "19:00"), new TwilioButton("t1930", "19:30"), new TwilioButton("t2000", "20:00")], sent[0].QuickReplies);
        Assert.All(sent, m => Assert.Null(m.Body));
    }

    [Theory]
    [InlineData(true, new[] { "One", "Two", "Three", "Four" })]
    [InlineData(true, new[] { "A title longer than twenty", "Short" })]
    [InlineData(false, new[] { "Yes", "No" })]
    public async Task SendAsync_ChoicesThatCannotBeButtons_NumberedTextAndNoContentCreated(bool whatsApp, string[] titles)
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp);
        var to = whatsApp ? "whatsapp:" + User : User;
        var hello = whatsApp ? await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct) : await test.Twilio.SendSmsAsync(User, "hi", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices(test, "Pick one", to, titles), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(test.Twilio.SentMessages.Items);
        Assert.Contains($"{titles.Length}. {titles[^1]}", sent.Body, StringComparison.Ordinal);
        Assert.Null(sent.ContentSid);
        Assert.Equal(0, test.Twilio.Contents.Count);
    }

    [Fact]
    public async Task SendAsync_ContentApiDown_RetryableThenButtonsOnTheRetry()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true);
        var hello = await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        test.Twilio.Faults.FailNext(1, 500, "Content");
        var message = Choices(test, "Which time?", "whatsapp:" + User, "19:00", "19:30");

        var failed = await test.ChannelInstance.Outbound.SendAsync(message, Ct);
        var retried = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, failed.Kind);
        Assert.True(retried.IsSuccess, retried.Error);
        Assert.Equal(2, Assert.Single(test.Twilio.SentMessages.Items).QuickReplies.Count);
    }

    [Fact]
    public async Task SendAsync_WhatsAppTypingStarted_TypingIndicatorForTheUsersLastMessage()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true);
        await test.Twilio.WaitForDeliveryAsync(await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct), Ct).WaitAsync(Timeout, Ct);
        var last = await test.Twilio.SendWhatsAppAsync(User, "are you there?", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(last, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "", "whatsapp:" + User) with { Kind = OutboundKind.TypingStarted }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var indicator = await test.Twilio.WaitForTypingIndicatorAsync(last.MessageSid, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal("whatsapp:" + User, indicator.To);
        Assert.Single(test.Twilio.TypingIndicators.Items);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("whatsapp-no-message")]
    [InlineData("whatsapp-turned-off")]
    public async Task SendAsync_TypingWithoutAWhatsAppMessageToAnswerOrTurnedOff_NothingSent(string scenario)
    {
        var whatsApp = scenario != "sms";
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp,
            extraArgs: scenario == "whatsapp-turned-off" ? "--Connector:Twilio:Channels:wa:TypingIndicators=false" : "--Logging:LogLevel:Default=Warning");
        if (scenario != "whatsapp-no-message")
        {
            var hello = whatsApp ? await test.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct) : await test.Twilio.SendSmsAsync(User, "hi", cancellationToken: Ct);
            await test.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        }

        var outcome = await test.ChannelInstance.Outbound.SendAsync(
            Text(test, "", whatsApp ? "whatsapp:" + User : User) with { Kind = OutboundKind.TypingStarted }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal(0, test.Twilio.TypingIndicators.Count);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Fact]
    public async Task SendAsync_FileWithoutAPublicBaseUrl_PermanentNamingTheKeyAndNothingSent()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, "the menu") with
        {
            Kind = OutboundKind.Attachment,
            Attachments = [new OutboundAttachment("menu.pdf", "application/pdf", "https://files.example.com/menu.pdf")],
        }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("Connector:Twilio:Channels:sms:PublicBaseUrl", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, test.Twilio.SentMessages.Count);
    }

    [Theory]
    [InlineData("", 400, "needs 'expires'")]
    [InlineData("?expires=4102444800&signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 403, "does not match")]
    public async Task FileLink_BadQuery_ProblemNamingIt(string query, int status, string detail)
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, extraArgs: "--Connector:Twilio:Channels:sms:PublicBaseUrl=https://sms.example.com");
        using var client = test.Host.Connector.CreateClient();

        using var response = await client.GetAsync($"/channels/sms/files/0123456789abcdef0123456789abcdef{query}", Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileLink_ChannelWithoutPublicBaseUrl_NotFoundNamingWhy()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();

        using var response = await client.GetAsync("/channels/sms/files/0123456789abcdef0123456789abcdef", Ct);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("no public base URL", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static OutboundMessage Text(TwilioTestHost test, string text, string to = User) => new()
    {
        Channel = test.Channel,
        PlatformUserId = to,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static OutboundMessage Choices(TwilioTestHost test, string text, string to, params string[] titles) => Text(test, text, to) with
    {
        Kind = OutboundKind.Choices,
        Choices = [.. titles.Select(title => new ChoiceOption(title.Contains(':', StringComparison.Ordinal) ? "t" + title.Replace(":", "", StringComparison.Ordinal) : title.ToLowerInvariant().Replace(' ', '-'), title))],
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
