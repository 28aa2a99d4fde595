using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>The Messenger channel's webhook door through real Kestrel, fed by the fake's signed webhooks or by hand.</summary>
public sealed class MessengerInboundTests
{
    private const string User = "6024771434241553";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Get_VerificationWithTheVerifyToken_EchoesTheChallenge()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct, verify: false);

        var verified = await test.Messenger.VerifyCallbackAsync(test.CallbackUrl, MessengerTestHost.VerifyToken, Ct);
        var wrong = await test.Messenger.VerifyCallbackAsync(test.CallbackUrl, "guessed", Ct);

        Assert.True(verified.Verified);
        Assert.Equal((403, false), (wrong.StatusCode, wrong.Verified));
        Assert.Contains("VerifyToken", wrong.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", 401, "no X-Hub-Signature-256")]
    [InlineData("other-secret", 403, "does not match")]
    [InlineData("tampered-body", 403, "does not match")]
    public async Task Post_BadSignature_RefusedAndNothingStored(string scenario, int status, string detail)
    {
        await using var test = await MessengerTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes(test.Messenger.Envelope(test.Messenger.TextMessage(User, "hi")).ToJsonString());
        var signature = scenario switch
        {
            "missing" => null,
            "other-secret" => MetaSignature.Compute("another-app-secret", body),
            _ => MetaSignature.Compute(test.Messenger.Options.AppSecret, [.. body, (byte)' ']),
        };

        using var response = await client.SendAsync(Post(body, signature), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[]}""", "must be a Messenger webhook")]
    [InlineData("""{"object":"page"}""", "entry array")]
    public async Task Post_SignedButNotAPageWebhook_BadRequestAndNothingStored(string json, string detail)
    {
        await using var test = await MessengerTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes(json);

        using var response = await client.SendAsync(Post(body, MetaSignature.Compute(test.Messenger.Options.AppSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_BatchWithDuplicateMalformedEchoAndOtherPage_StoresEachGoodItemOnceAndRedeliveryAddsNothing()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct);
        var fb = test.Messenger;
        var first = fb.TextMessage(User, "I need help with my order");
        var quick = fb.QuickReplyMessage(User, "Tomorrow", "opt-tomorrow");
        var postback = fb.PostbackEvent("6024771434249999", "Opening hours", "opt-hours");
        var body = fb.Envelope(first, first, new JsonObject { ["sender"] = new JsonObject { ["id"] = User }, ["message"] = new JsonObject { ["text"] = "no mid" } },
            fb.EchoMessage(User, "Sent from the Page inbox"), quick, postback);
        ((JsonArray)body["entry"]!).Add(new JsonObject { ["id"] = "999999999", ["time"] = 1, ["messaging"] = new JsonArray(fb.TextMessage(User, "other page")) });
        ((JsonArray)body["entry"]!).Add(new JsonObject { ["id"] = fb.Options.PageId, ["messaging"] = "not an array" });

        var webhook = await fb.PostAsync(body, Ct);
        var answer = await fb.WaitForAttemptAsync(webhook, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        var again = await fb.RedeliverAsync(webhook, Ct);
        var secondAnswer = await fb.WaitForAttemptAsync(again, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Equal((200, 200), (answer.StatusCode, secondAnswer.StatusCode));
        var inbox = await test.InboxAsync(Ct);
        Assert.Equal([Mid(first), Mid(quick), Mid(postback)], inbox.Select(m => m.PlatformMessageId));
        Assert.Equal(("I need help with my order", InboundKind.Text, User), (inbox[0].Text, inbox[0].Kind, inbox[0].PlatformUserId));
        Assert.Equal((InboundKind.ChoiceResponse, "opt-tomorrow", "Tomorrow"), (inbox[1].Kind, inbox[1].ChoiceOptionIdentifier, inbox[1].Text));
        Assert.Equal((InboundKind.ChoiceResponse, "opt-hours", "6024771434249999"), (inbox[2].Kind, inbox[2].ChoiceOptionIdentifier, inbox[2].PlatformUserId));
    }

    [Fact]
    public async Task Post_Photo_DownloadedFromTheCdnAndStoredAsAttachment()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct);

        var photo = await test.Messenger.SendFileAsync(User, "image", "image/png", s_png, "receipt.png", Ct);
        await test.Messenger.WaitForDeliveryAsync(photo, Ct).WaitAsync(Timeout, Ct);

        var stored = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Attachment, photo.Mids[0]), (stored.Kind, stored.PlatformMessageId));
        Assert.Equal(("receipt.png", "image/png"), (stored.Attachment?.Name, stored.Attachment?.MimeType));
    }

    [Fact]
    public async Task Post_Watermarks_AcknowledgeEveryEntrySentAtOrBeforeThemOnceAndDeliveredAfterReadDropped()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await MessengerTestHost.StartAsync(Ct, new FakeMessengerOptions { AutoReceipts = [], RetryDelays = [], TimeProvider = clock }, clock);
        var fb = test.Messenger;
        await DeliverAsync(fb, await fb.SendTextAsync(User, "hi", Ct));
        await SendTextAsync(test, "entry-1");
        clock.Advance(TimeSpan.FromSeconds(5));
        await SendTextAsync(test, "entry-2");
        var watermark = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(5));
        await SendTextAsync(test, "entry-3");

        await DeliverAsync(fb, await fb.ReportDeliveryAsync(User, watermark: watermark, cancellationToken: Ct));
        await DeliverAsync(fb, await fb.ReportReadAsync(User, watermark, Ct));
        await DeliverAsync(fb, await fb.ReportDeliveryAsync(User, watermark: watermark, cancellationToken: Ct));
        var third = fb.SentMessages.Items.Single(m => m.Text == "entry-3");
        await DeliverAsync(fb, await fb.ReportDeliveryAsync(User, [third.Mid], watermark - TimeSpan.FromMinutes(1), Ct));

        var statuses = (await test.InboxAsync(Ct)).Where(m => m.Kind == InboundKind.Status).Select(s => (s.StatusOfEntryIdentifier!, s.Status!.Value)).ToList();
        Assert.Equal([("entry-1", DeliveryStatus.Delivered), ("entry-2", DeliveryStatus.Delivered), ("entry-1", DeliveryStatus.Read),
            ("entry-2", DeliveryStatus.Read), ("entry-3", DeliveryStatus.Delivered)], statuses);
    }

    [Fact]
    public async Task Post_TypedNumberAfterNumberedChoices_ChoiceResponse()
    {
        await using var test = await MessengerTestHost.StartAsync(Ct);
        await DeliverAsync(test.Messenger, await test.Messenger.SendTextAsync(User, "hi", Ct));
        var outcome = await test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-choices",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "Pick a slot",
            Choices = [.. Enumerable.Range(1, 14).Select(i => new ChoiceOption("slot-" + i, $"Slot {i}"))],
        }, Ct);

        var typed = await test.Messenger.SendTextAsync(User, "2", Ct);
        await DeliverAsync(test.Messenger, typed);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Contains("14. Slot 14", test.Messenger.SentMessages.Items.Single().Text, StringComparison.Ordinal);
        var answer = (await test.InboxAsync(Ct)).Single(m => m.PlatformMessageId == typed.Mids[0]);
        Assert.Equal((InboundKind.ChoiceResponse, "slot-2"), (answer.Kind, answer.ChoiceOptionIdentifier));
    }

    private static async Task SendTextAsync(MessengerTestHost test, string entry)
    {
        var outcome = await test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = User,
            EntryIdentifier = entry,
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Text,
            Text = entry,
        }, Ct);
        Assert.True(outcome.IsSuccess, outcome.Error);
    }

    private static async Task DeliverAsync(FakeMessenger fb, MessengerInbound webhook)
    {
        var attempt = await fb.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(200, attempt.StatusCode);
    }

    private static string Mid(JsonObject item) => (string)(item["message"] ?? item["postback"])!["mid"]!;

    private static HttpRequestMessage Post(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/fb") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(MetaSignature.Header, signature);
        }

        return request;
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
