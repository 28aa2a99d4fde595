using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.Connector.Tests.Channels.Line;

/// <summary>The LINE channel's webhook door through real Kestrel, fed by the fake's signed webhooks or by hand.</summary>
public sealed class LineInboundTests
{
    private const string User = "U4af4980629f0000000000000000000a1";

    [Fact]
    public async Task Post_VerifyWithNoEvents_OkAndNothingStored()
    {
        await using var test = await LineTestHost.StartAsync(Ct);

        var verified = await test.Line.VerifyWebhookAsync(test.WebhookUrl);

        Assert.Equal(200, verified.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_TextMessage_StoredOnceByWebhookEventIdWithTheUserAndTime()
    {
        await using var test = await LineTestHost.StartAsync(Ct);

        var webhook = await test.Line.SendTextAsync(User, "I need help with my order");
        var attempt = await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(200, attempt.StatusCode);
        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((webhook.EventIds[0], User, InboundKind.Text, "I need help with my order"),
            (stored.PlatformMessageId, stored.PlatformUserId, stored.Kind, stored.Text));
    }

    [Theory]
    [InlineData("missing", "no x-line-signature")]
    [InlineData("other-secret", "does not match")]
    [InlineData("tampered-body", "does not match")]
    [InlineData("not-base64", "does not match")]
    [InlineData("hex", "does not match")]
    public async Task Post_BadSignature_UnauthorizedWithProblemAndNothingStored(string scenario, string detail)
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Body(test.Line.TextEvent(User, "hi"));
        var secret = test.Line.Options.ChannelSecret;
        var signature = scenario switch
        {
            "missing" => null,
            "other-secret" => LineWebhookSignature.Compute("another-channel-secret", body),
            "tampered-body" => LineWebhookSignature.Compute(secret, [.. body, (byte)' ']),
            "not-base64" => "%%%not base64%%%",
            _ => Convert.ToHexStringLower(Convert.FromBase64String(LineWebhookSignature.Compute(secret, body))),
        };

        using var response = await client.SendAsync(Post(body, signature), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"destination":"U1"}""", "events array")]
    [InlineData("""[1,2]""", "events array")]
    public async Task Post_SignedButNotALineWebhook_BadRequestAndNothingStored(string json, string detail)
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes(json);

        using var response = await client.SendAsync(Post(body, LineWebhookSignature.Compute(test.Line.Options.ChannelSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_PayloadTooLargeAndNothingStored()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Body(test.Line.TextEvent(User, new string('x', 20_000)));

        using var response = await client.SendAsync(Post(body, LineWebhookSignature.Compute(test.Line.Options.ChannelSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_Redelivery_AcceptedAndStoredOnce()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var item = test.Line.TextEvent(User, "Are you there?");
        var first = Body(item);
        item["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        var again = Body(item);
        var secret = test.Line.Options.ChannelSecret;

        using var one = await client.SendAsync(Post(first, LineWebhookSignature.Compute(secret, first)), Ct);
        using var two = await client.SendAsync(Post(again, LineWebhookSignature.Compute(secret, again)), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (one.StatusCode, two.StatusCode));
        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((string)item["webhookEventId"]!, stored.PlatformMessageId);
    }

    [Fact]
    public async Task Post_RedeliveryOnly_StoredAsANewEventIsNotDroppedForBeingARedelivery()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var item = test.Line.TextEvent(User, "First try was lost");
        item["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        var body = Body(item);

        using var response = await client.SendAsync(Post(body, LineWebhookSignature.Compute(test.Line.Options.ChannelSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("First try was lost", Assert.Single(await test.InboxAsync(Ct)).Text);
    }

    [Fact]
    public async Task Post_FakeRedeliversAfterAFailedAnswer_SameEventIdsAndIsRedelivery()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        test.Line.WebhookUrl = new Uri(test.Host.Connector.BaseAddress, "/channels/nowhere");
        var webhook = await test.Line.SendTextAsync(User, "hello?");
        var failed = await test.Line.WaitForAttemptAsync(webhook, 1, Ct).WaitAsync(Timeout, Ct);
        test.Line.WebhookUrl = test.WebhookUrl;

        var second = await test.Line.WaitForAttemptAsync(webhook, 2, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(404, failed.StatusCode);
        var redelivered = JsonNode.Parse(second.Body)!["events"]![0]!;
        Assert.Equal(webhook.EventIds[0], (string)redelivered["webhookEventId"]!);
        Assert.True((bool)redelivered["deliveryContext"]!["isRedelivery"]!);
    }

    [Fact]
    public async Task Post_BatchWithDuplicateMalformedAndGroupEvents_StoresEachGoodEventOnce()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        var first = test.Line.TextEvent(User, "one");
        var second = test.Line.TextEvent("U00000000000000000000000000000002", "two");
        var malformed = test.Line.TextEvent(User, "no id");
        malformed.Remove("webhookEventId");
        var group = test.Line.TextEvent(User, "in a group");
        group["source"] = new JsonObject { ["type"] = "group", ["groupId"] = "C1", ["userId"] = User };

        var webhook = await test.Line.PostEventsAsync(first, second, first, malformed, group);
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(["one", "two"], (await test.InboxAsync(Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Post_PostbackOfAQuickReplyTheConnectorSent_ChoiceResponseOfThatEntryAndOption()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        var hello = await test.Line.SendTextAsync(User, "hi");
        await test.Line.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        var choices = new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-choices-1",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "Which time?",
            Choices = [new ChoiceOption("option-19-00", "19:00"), new ChoiceOption("option-19-30", "19:30")],
        };
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(choices, Ct)).IsSuccess);
        var button = test.Line.SentMessages.Items[0].Messages[0]["quickReply"]!["items"]![1]!["action"]!;

        var webhook = await test.Line.PostbackAsync(User, (string)button["data"]!);
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var stored = (await test.InboxAsync(Ct))[^1];
        Assert.Equal((InboundKind.ChoiceResponse, "option-19-30", "19:30", "entry-choices-1"),
            (stored.Kind, stored.ChoiceOptionIdentifier, stored.Text, stored.InReplyToEntryIdentifier));
    }

    [Fact]
    public async Task Post_PostbackTheConnectorDidNotSend_OkAndNothingStored()
    {
        await using var test = await LineTestHost.StartAsync(Ct);

        var webhook = await test.Line.PostbackAsync(User, "action=richmenu&item=3");
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_Sticker_TextWithItsKeywords()
    {
        await using var test = await LineTestHost.StartAsync(Ct);

        var webhook = await test.Line.PostEventsAsync(test.Line.StickerEvent(User, "Happy", "Thanks"));
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Text, "(sticker: Happy, Thanks)"), (stored.Kind, stored.Text));
    }

    [Fact]
    public async Task Post_Image_DownloadedFromTheDataHostWithTheBearerToken()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

        var webhook = await test.Line.SendFileAsync(User, "image", "image/jpeg", jpeg);
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal(InboundKind.Attachment, stored.Kind);
        Assert.Equal(("image/jpeg", jpeg.Length), (stored.Attachment!.MimeType, stored.Attachment.Length));
        var download = Assert.Single(test.Line.Requests.Items, r => r.Path.EndsWith("/content", StringComparison.Ordinal));
        Assert.Equal((200, "Bearer " + test.Line.Options.ChannelAccessToken), (download.Status, download.Authorization));
    }

    [Fact]
    public async Task Post_FileOfARefusedType_SkippedWithoutADownload()
    {
        await using var test = await LineTestHost.StartAsync(Ct);

        var webhook = await test.Line.SendFileAsync(User, "file", "application/x-msdownload", [1, 2, 3], "setup.exe");
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Empty(await test.InboxAsync(Ct));
        Assert.DoesNotContain(test.Line.Requests.Items, r => r.Path.EndsWith("/content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DataHostFailing_BadGatewaySoLineRedeliversAndTheRedeliveryIsStored()
    {
        await using var test = await LineTestHost.StartAsync(Ct);
        test.Line.Faults.FailNext(1, 500, "content");

        var webhook = await test.Line.SendFileAsync(User, "file", "application/pdf", "%PDF-1.4 test"u8.ToArray(), "invoice.pdf");
        var first = await test.Line.WaitForAttemptAsync(webhook, 1, Ct).WaitAsync(Timeout, Ct);
        await test.Line.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(502, first.StatusCode);
        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal("invoice.pdf", stored.Attachment!.Name);
    }

    private static byte[] Body(params JsonObject[] events) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["destination"] = "U0f4ke0000000000000000000000bot01",
        ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]),
    }.ToJsonString());

    private static HttpRequestMessage Post(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/line") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(LineWebhookSignature.Header, signature);
        }

        return request;
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
