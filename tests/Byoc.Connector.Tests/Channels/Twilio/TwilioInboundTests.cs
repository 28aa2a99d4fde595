using System.Net;
using System.Net.Http.Json;
using Byoc.Connector.Channels.Twilio;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Twilio;
using Microsoft.AspNetCore.Mvc;

namespace Byoc.Connector.Tests.Channels.Twilio;

/// <summary>The Twilio channel's inbound half through real Kestrel, fed by the fake's signed webhooks or by hand.</summary>
public sealed class TwilioInboundTests : IAsyncLifetime
{
    private const string User = "+15550001111";

    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private TwilioTestHost _test = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _test = await TwilioTestHost.StartAsync(Ct, extraArgs: "--Connector:Attachments:MaxInboundBytes=2048");
        _client = _test.Host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _test.DisposeAsync();
    }

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "missing-signature", 401, "no X-Twilio-Signature header" },
        { "wrong-signature", 403, "does not match" },
        { "tampered-field", 403, "does not match" },
        { "no-message-sid", 400, "no MessageSid" },
        { "bad-num-media", 400, "NumMedia must be a number" },
        { "oversize-body", 413, "exceeds the channel's limit of 4096 bytes" },
        { "wrong-content-type", 415, "Expected Content-Type" },
        { "unknown-sub-path", 404, "nothing at 'other'" },
        { "unknown-channel", 404, "No channel named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_ReturnsProblemAndStoresNothing(string scenario, int status, string detail)
    {
        List<KeyValuePair<string, string>> fields = [new("MessageSid", "SM1"), new("From", User), new("To", _test.Twilio.PhoneNumber), new("Body", "hi")];
        using var request = scenario switch
        {
            "missing-signature" => _test.Form(fields, signed: false),
            "wrong-signature" => _test.Form(fields, token: "another-token"),
            "tampered-field" => Tampered(fields),
            "no-message-sid" => _test.Form(fields[1..]),
            "bad-num-media" => _test.Form([.. fields, new("NumMedia", "many")]),
            "oversize-body" => _test.Form([.. fields[..3], new("Body", new string('x', 5000))]),
            "wrong-content-type" => _test.Form(fields, contentType: "text/plain"),
            "unknown-sub-path" => _test.Form(fields, path: "/other"),
            _ => _test.Form(fields, channel: "nope"),
        };

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains(detail, problem?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_SmsFromTwilio_AnsweredWithEmptyTwimlStoredOnceAndForwarded()
    {
        var sms = await _test.Twilio.SendSmsAsync(User, "Hello, can I book a table?", cancellationToken: Ct);
        var attempt = await _test.Twilio.WaitForDeliveryAsync(sms, Ct).WaitAsync(Timeout, Ct);

        using var replay = await _client.SendAsync(_test.Form(sms.Parameters), Ct);

        Assert.Equal(200, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(TwilioInboundAdapter.EmptyTwiml, await replay.Content.ReadAsStringAsync(Ct));
        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Text, "Hello, can I book a table?", User, sms.MessageSid), (message.Kind, message.Text, message.PlatformUserId, message.PlatformMessageId));
        await WaitFor.ConditionAsync(() => _test.Host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        var forwarded = Assert.Single(_test.Host.Scrt.Requests, r => r.Path == "/api/v1/interactions");
        // The JSON writer escapes '+' as \u002B.
        Assert.Contains("\"sms:\\u002B15550001111\"", forwarded.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_Mms_MediaDownloadedWithBasicAuthAndStoredOnceWhenReplayed()
    {
        var mms = await _test.Twilio.SendSmsAsync(User, "my receipt", [new TwilioMedia("image/png", s_png)], Ct);
        await _test.Twilio.WaitForDeliveryAsync(mms, Ct).WaitAsync(Timeout, Ct);

        using var replay = await _client.SendAsync(_test.Form(mms.Parameters), Ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var messages = await _test.InboxAsync(Ct);
        Assert.Equal([InboundKind.Text, InboundKind.Attachment], messages.Select(m => m.Kind));
        Assert.Equal("image/png", messages[1].Attachment?.MimeType);
        Assert.Equal(s_png, await File.ReadAllBytesAsync(Path.Combine(_test.Host.AttachmentDirectory, messages[1].Attachment!.FileId + ".bin"), Ct));
    }

    [Fact]
    public async Task Webhook_MediaLargerThanTheConnectorTakes_Refused413AndNothingStored()
    {
        var mms = await _test.Twilio.SendSmsAsync(User, "", [new TwilioMedia("image/png", new byte[4096])], Ct);

        var attempt = await _test.Twilio.WebhookAttempts.WaitForAsync(a => a.Id == mms.MessageSid, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(413, attempt.StatusCode);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_MediaOfATypeSalesforceRefuses_Refused415AndNothingStored()
    {
        var mms = await _test.Twilio.SendSmsAsync(User, "my notes", [new TwilioMedia("text/plain", "buy milk"u8.ToArray())], Ct);

        var attempt = await _test.Twilio.WebhookAttempts.WaitForAsync(a => a.Id == mms.MessageSid, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(415, attempt.StatusCode);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_TypedNumberAfterNumberedChoices_IsThePick()
    {
        var outcome = await _test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = _test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-choices",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "When would you like to come?",
            Choices = [new ChoiceOption("lunch", "Lunch"), new ChoiceOption("dinner", "Dinner")],
        }, Ct);
        Assert.True(outcome.IsSuccess, outcome.Error);

        var sms = await _test.Twilio.SendSmsAsync(User, "2", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(sms, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.ChoiceResponse, "dinner", "entry-choices"), (message.Kind, message.ChoiceOptionIdentifier, message.InReplyToEntryIdentifier));
    }

    [Fact]
    public async Task Webhook_WhatsAppQuickReplyTap_StoredAsChoiceResponseWithThePayload()
    {
        await using var test = await TwilioTestHost.StartAsync(Ct, whatsApp: true);

        var tap = await test.Twilio.PressWhatsAppButtonAsync(User, "dinner", "Dinner", cancellationToken: Ct);
        await test.Twilio.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.ChoiceResponse, "dinner", "Dinner", "whatsapp:" + User),
            (message.Kind, message.ChoiceOptionIdentifier, message.Text, message.PlatformUserId));
    }

    [Fact]
    public async Task StatusCallback_OutOfOrder_ReportedOnceEachAndNeverBackwards()
    {
        static List<KeyValuePair<string, string>> Status(string status) =>
            [new("MessageSid", "SM42"), new("MessageStatus", status), new("To", User), new("From", "+15557654321")];

        foreach (var status in new[] { "sent", "read", "delivered", "read" })
        {
            using var response = await _client.SendAsync(_test.Form(Status(status), path: "/status?entry=entry-7"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Status, DeliveryStatus.Read, "entry-7"), (message.Kind, message.Status, message.StatusOfEntryIdentifier));
    }

    [Fact]
    public async Task StatusCallback_EachPartOfASplitMessageDelivered_ReportedOnceForTheEntry()
    {
        foreach (var sid in new[] { "SM50", "SM51" })
        {
            using var response = await _client.SendAsync(_test.Form(
                [new("MessageSid", sid), new("MessageStatus", "delivered"), new("To", User)], path: "/status?entry=entry-long"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((DeliveryStatus.Delivered, "entry-long"), (message.Status, message.StatusOfEntryIdentifier));
    }

    [Fact]
    public async Task StatusCallback_Undelivered_IsFailureWithTwiliosCode()
    {
        using var response = await _client.SendAsync(_test.Form(
            [new("MessageSid", "SM43"), new("MessageStatus", "undelivered"), new("ErrorCode", "30003"), new("To", User)],
            path: "/status?entry=entry-8"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Contains("30003", message.StatusError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusCallback_Failed63016_IsFailureNamingTheWhatsAppWindow()
    {
        using var response = await _client.SendAsync(_test.Form(
            [new("MessageSid", "SM44"), new("MessageStatus", "failed"), new("ErrorCode", "63016"), new("To", "whatsapp:" + User)],
            path: "/status?entry=entry-9"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((DeliveryStatus.Failed, "entry-9"), (message.Status, message.StatusOfEntryIdentifier));
        Assert.Contains("24-hour", message.StatusError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_Stop_StoredAndLaterSendsFailWithoutCallingTwilio()
    {
        var stop = await _test.Twilio.SendSmsAsync(User, "STOP", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(stop, Ct).WaitAsync(Timeout, Ct);

        var outcome = await _test.ChannelInstance.Outbound.SendAsync(Text("Are you still there?"), Ct);

        Assert.Equal(Core.Delivery.DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("opted out", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, _test.Twilio.SentMessages.Count);
        Assert.Equal("STOP", Assert.Single(await _test.InboxAsync(Ct)).Text);

        var start = await _test.Twilio.SendSmsAsync(User, "START", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(start, Ct).WaitAsync(Timeout, Ct);
        Assert.True((await _test.ChannelInstance.Outbound.SendAsync(Text("Welcome back"), Ct)).IsSuccess);
    }

    [Fact]
    public async Task Webhook_Help_ForwardedAsTextNeverAPickAndNoOptOut()
    {
        var offered = await _test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = _test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-topics",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "What is it about?",
            Choices = [new ChoiceOption("billing", "Billing"), new ChoiceOption("help", "Help")],
        }, Ct);
        Assert.True(offered.IsSuccess, offered.Error);

        var help = await _test.Twilio.SendSmsAsync(User, "HELP", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(help, Ct).WaitAsync(Timeout, Ct);
        var outcome = await _test.ChannelInstance.Outbound.SendAsync(Text("Here is what I can do"), Ct);

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Text, "HELP", null), (message.Kind, message.Text, message.ChoiceOptionIdentifier));
        Assert.True(outcome.IsSuccess, outcome.Error);
    }

    [Fact]
    public async Task Webhook_StopReplayedAfterStart_DoesNotOptTheUserOutAgain()
    {
        var stop = await _test.Twilio.SendSmsAsync(User, "STOP", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(stop, Ct).WaitAsync(Timeout, Ct);
        var start = await _test.Twilio.SendSmsAsync(User, "START", cancellationToken: Ct);
        await _test.Twilio.WaitForDeliveryAsync(start, Ct).WaitAsync(Timeout, Ct);

        using var replay = await _client.SendAsync(_test.Form(stop.Parameters), Ct);
        var outcome = await _test.ChannelInstance.Outbound.SendAsync(Text("Welcome back"), Ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal(["STOP", "START"], (await _test.InboxAsync(Ct)).Select(m => m.Text));
    }

    private HttpRequestMessage Tampered(List<KeyValuePair<string, string>> fields)
    {
        var request = _test.Form(fields);
        var signature = request.Headers.GetValues("X-Twilio-Signature").Single();
        request.Dispose();
        var tampered = _test.Form([.. fields[..3], new("Body", "hi there")], signed: false);
        tampered.Headers.Add("X-Twilio-Signature", signature);
        return tampered;
    }

    private OutboundMessage Text(string text) => new()
    {
        Channel = _test.Channel,
        PlatformUserId = User,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
