using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>The WhatsApp channel's webhook door through real Kestrel, fed by the fake's signed webhooks or by hand.</summary>
public sealed class WhatsAppInboundTests
{
    private const string User = "15550001111";

    [Fact]
    public async Task Get_VerificationWithTheVerifyToken_EchoesTheChallengeAsPlainText()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, verify: false);
        using var client = test.Host.Connector.CreateClient();

        var verified = await test.Meta.VerifyCallbackAsync(test.CallbackUrl, WhatsAppTestHost.VerifyToken, Ct);
        using var response = await client.GetAsync(
            $"/channels/wa?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={WhatsAppTestHost.VerifyToken}", Ct);

        Assert.True(verified.Verified);
        Assert.Equal(test.CallbackUrl, test.Meta.CallbackUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.challenge=42&hub.verify_token=guessed", "not this channel's VerifyToken")]
    [InlineData("hub.mode=subscribe&hub.challenge=42", "not this channel's VerifyToken")]
    [InlineData("hub.mode=unsubscribe&hub.challenge=42&hub.verify_token=" + WhatsAppTestHost.VerifyToken, "hub.mode=subscribe")]
    [InlineData("", "hub.mode=subscribe")]
    public async Task Get_WrongTokenOrNoHandshake_ForbiddenWithProblem(string query, string detail)
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, verify: false);
        using var client = test.Host.Connector.CreateClient();

        var verified = await test.Meta.VerifyCallbackAsync(test.CallbackUrl, "guessed", Ct);
        using var response = await client.GetAsync("/channels/wa?" + query, Ct);

        Assert.False(verified.Verified);
        Assert.Equal(403, verified.StatusCode);
        Assert.Null(test.Meta.CallbackUrl);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", 401, "no X-Hub-Signature-256")]
    [InlineData("other-secret", 403, "does not match")]
    [InlineData("tampered-body", 403, "does not match")]
    [InlineData("not-hex", 403, "does not match")]
    [InlineData("sha1", 403, "does not match")]
    public async Task Post_BadSignature_RefusedAndNothingStored(string scenario, int status, string detail)
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var value = test.Meta.Value();
        value["messages"] = new JsonArray(test.Meta.TextMessage(User, "hi"));
        var body = Encoding.UTF8.GetBytes(test.Meta.Envelope(value).ToJsonString());
        var signature = scenario switch
        {
            "missing" => null,
            "other-secret" => MetaSignature.Compute("another-app-secret", body),
            "tampered-body" => MetaSignature.Compute(test.Meta.Options.AppSecret, [.. body, (byte)' ']),
            "not-hex" => "sha256=" + new string('z', 64),
            _ => MetaSignature.Compute(test.Meta.Options.AppSecret, body).Replace("sha256=", "sha1=", StringComparison.Ordinal),
        };

        using var response = await client.SendAsync(Post(body, signature), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"object":"page","entry":[]}""", "whatsapp_business_account")]
    [InlineData("""{"object":"whatsapp_business_account"}""", "entry array")]
    public async Task Post_SignedButNotAWhatsAppWebhook_BadRequestAndNothingStored(string json, string detail)
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes(json);

        using var response = await client.SendAsync(Post(body, MetaSignature.Compute(test.Meta.Options.AppSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_WrongContentType_UnsupportedMediaType()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes("a=b");
        using var request = Post(body, MetaSignature.Compute(test.Meta.Options.AppSecret, body));
        request.Content!.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_BatchWithDuplicateAndMalformedItems_StoresEachGoodItemOnceAndRedeliveryAddsNothing()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        var meta = test.Meta;
        var first = meta.TextMessage(User, "I need help with my order");
        var second = meta.TextMessage("15550002222", "Hello?");
        var tap = meta.ReplyMessage(User, "wamid.earlier", "opt-tomorrow", "Tomorrow");
        var one = meta.Value();
        one["messages"] = new JsonArray(first, first.DeepClone(), new JsonObject { ["id"] = "wamid.broken", ["type"] = "text" }, tap);
        var two = meta.Value();
        two["messages"] = new JsonArray(second);
        var body = meta.Envelope(one, two);
        ((JsonArray)body["entry"]!).Add(new JsonObject { ["id"] = "102290129340398", ["changes"] = "not an array" });

        var webhook = await meta.PostAsync(body, Ct);
        var answer = await meta.WaitForAttemptAsync(webhook, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        var again = await meta.RedeliverAsync(webhook, Ct);
        var secondAnswer = await meta.WaitForAttemptAsync(again, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Equal((200, 200), (answer.StatusCode, secondAnswer.StatusCode));
        var inbox = await test.InboxAsync(Ct);
        Assert.Equal([(string)first["id"]!, (string)tap["id"]!, (string)second["id"]!], inbox.Select(m => m.PlatformMessageId));
        Assert.Equal(("I need help with my order", InboundKind.Text, User), (inbox[0].Text, inbox[0].Kind, inbox[0].PlatformUserId));
        Assert.Equal((InboundKind.ChoiceResponse, "opt-tomorrow", "Tomorrow"), (inbox[1].Kind, inbox[1].ChoiceOptionIdentifier, inbox[1].Text));
        Assert.Equal("15550002222", inbox[2].PlatformUserId);
    }

    [Fact]
    public async Task Post_OversizeBody_RequestEntityTooLargeAndNothingStored()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var value = test.Meta.Value();
        value["messages"] = new JsonArray(test.Meta.TextMessage(User, new string('x', 20_000)));
        var body = Encoding.UTF8.GetBytes(test.Meta.Envelope(value).ToJsonString());

        using var response = await client.SendAsync(Post(body, MetaSignature.Compute(test.Meta.Options.AppSecret, body)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_StatusesOutOfOrder_ReadAndFailureStoredOnceDeliveredAfterReadDropped()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] });
        var hello = await test.Meta.SendTextAsync(User, "hi", cancellationToken: Ct);
        await test.Meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        var read = await SendAsync(test, "entry-read");
        var failed = await SendAsync(test, "entry-failed");

        foreach (var (wamid, status, code) in new[] { (read, "read", (int?)null), (read, "delivered", null), (read, "read", null),
            (failed, "sent", null), (failed, "failed", 131026), (failed, "delivered", null) })
        {
            var webhook = await test.Meta.ReportStatusAsync(wamid, status, code, Ct);
            await test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);
        }

        var statuses = (await test.InboxAsync(Ct)).Where(m => m.Kind == InboundKind.Status).ToList();
        Assert.Equal([("entry-read", DeliveryStatus.Read), ("entry-failed", DeliveryStatus.Failed)],
            statuses.Select(s => (s.StatusOfEntryIdentifier!, s.Status!.Value)));
        Assert.Contains("131026", statuses[1].StatusError, StringComparison.Ordinal);
        Assert.Contains("Message failed to send", statuses[1].StatusError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TypedNumberAfterNumberedChoices_ChoiceResponse()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        var hello = await test.Meta.SendTextAsync(User, "hi", cancellationToken: Ct);
        await test.Meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        var titles = Enumerable.Range(1, 11).Select(i => $"Slot {i}").ToArray();
        var outcome = await test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-choices",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "Pick a slot",
            Choices = [.. titles.Select((t, i) => new ChoiceOption("slot-" + i, t))],
        }, Ct);

        var typed = await test.Meta.SendTextAsync(User, "2", cancellationToken: Ct);
        await test.Meta.WaitForDeliveryAsync(typed, Ct).WaitAsync(Timeout, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var answer = (await test.InboxAsync(Ct)).Single(m => m.PlatformMessageId == typed.Wamids[0]);
        Assert.Equal((InboundKind.ChoiceResponse, "slot-1"), (answer.Kind, answer.ChoiceOptionIdentifier));
    }

    private static async Task<string> SendAsync(WhatsAppTestHost test, string entry)
    {
        var outcome = await test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = User,
            EntryIdentifier = entry,
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Text,
            Text = "Your order shipped.",
        }, Ct);
        Assert.True(outcome.IsSuccess, outcome.Error);
        return (await test.Meta.WaitForMessageAsync(User, m => m.CallbackData == entry, Ct).WaitAsync(Timeout, Ct)).Wamid;
    }

    private static HttpRequestMessage Post(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/channels/wa") { Content = new ByteArrayContent(body) };
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
