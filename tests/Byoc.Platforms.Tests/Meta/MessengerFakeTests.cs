using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Platforms.Tests.Meta;

/// <summary>
/// The fake Messenger: its webhooks signed as Meta signs them (checked against OpenSSL's HMAC), batched one event per
/// entry and retried byte for byte, and its Send API refusing what the Messenger Platform refuses with Graph's error bodies.
/// </summary>
public sealed class MessengerFakeTests
{
    private const string User = "6024771434245555";

    [Fact]
    public async Task PostEventsAsync_Batch_OneEntryPerEventSignedLikeOpenSslAndRetriedWithTheSameBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var fb = await FakeMessenger.StartAsync(new FakeMessengerOptions { RetryDelays = [TimeSpan.FromMilliseconds(20)] }, Ct);
        fb.CallbackUrl = receiver.Url;
        receiver.RespondWith(500);

        var sent = await fb.PostEventsAsync([fb.TextMessage(User, "Hello"), fb.PostbackEvent(User, "Menu", "opt-menu")], Ct);
        var first = await receiver.NextAsync(Ct);
        var second = await receiver.NextAsync(Ct);
        var delivered = await fb.WaitForDeliveryAsync(sent, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal("sha256=" + await MetaWebhookTests.OpenSslHmacAsync(fb.Options.AppSecret, first.Body), first.Headers["X-Hub-Signature-256"]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(2, delivered.Attempt);
        var body = JsonNode.Parse(first.Text)!;
        Assert.Equal("page", (string)body["object"]!);
        var entries = body["entry"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((fb.Options.PageId, 1), ((string)e!["id"]!, e["messaging"]!.AsArray().Count)));
        Assert.Equal([(string)entries[0]!["messaging"]![0]!["message"]!["mid"]!, (string)entries[1]!["messaging"]![0]!["postback"]!["mid"]!], sent.Mids);
    }

    [Theory]
    [InlineData("token", 400, 190, null)]
    [InlineData("stranger", 400, 100, 2018001)]
    [InlineData("no-messaging-type", 400, 100, null)]
    [InlineData("text-2001", 400, 100, null)]
    [InlineData("quick-replies-14", 400, 100, null)]
    [InlineData("buttons-4", 400, 100, null)]
    [InlineData("action-and-message", 400, 100, null)]
    public async Task Messages_InvalidRequests_RefusedWithGraphErrors(string scenario, int status, int code, int? subcode)
    {
        await using var fb = await StartWithUserAsync();
        using var http = new HttpClient { BaseAddress = fb.BaseAddress };
        var body = Message(scenario == "stranger" ? "1111111111" : User, new JsonObject { ["text"] = "Hello" });
        switch (scenario)
        {
            case "no-messaging-type":
                body.Remove("messaging_type");
                break;
            case "text-2001":
                body["message"] = new JsonObject { ["text"] = new string('x', 2001) };
                break;
            case "quick-replies-14":
                body["message"] = new JsonObject { ["text"] = "Pick", ["quick_replies"] = Options(14, "content_type") };
                break;
            case "buttons-4":
                body["message"] = Buttons(4);
                break;
            case "action-and-message":
                body["sender_action"] = "typing_on";
                break;
        }

        using var response = await PostAsync(http, fb, body, scenario == "token" ? "EAAwrong" : null);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal((code, subcode), ((int)error["code"]!, (int?)error["error_subcode"]));
        Assert.False(string.IsNullOrEmpty((string?)error["fbtrace_id"]));
        Assert.Equal(0, fb.SentMessages.Count);
    }

    [Fact]
    public async Task Messages_Windows_ResponseWithin24HoursHumanAgentWithin7DaysElse2018278()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var fb = await StartWithUserAsync(clock);
        using var http = new HttpClient { BaseAddress = fb.BaseAddress };
        var tagged = Message(User, new JsonObject { ["text"] = "From a rep" });
        tagged["messaging_type"] = "MESSAGE_TAG";
        tagged["tag"] = "HUMAN_AGENT";

        clock.Advance(TimeSpan.FromHours(25));
        using var response = await PostAsync(http, fb, Message(User, new JsonObject { ["text"] = "Late" }));
        using var human = await PostAsync(http, fb, tagged);
        clock.Advance(TimeSpan.FromDays(7));
        using var tooLate = await PostAsync(http, fb, tagged);

        Assert.Equal((400, 200, 400), ((int)response.StatusCode, (int)human.StatusCode, (int)tooLate.StatusCode));
        Assert.Equal(2018278, (int)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!["error_subcode"]!);
        Assert.Equal(2018278, (int)(await tooLate.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!["error_subcode"]!);
        Assert.Equal(("From a rep", "MESSAGE_TAG", "HUMAN_AGENT"), (fb.SentMessages.Items.Single().Text, fb.SentMessages.Items[0].MessagingType, fb.SentMessages.Items[0].Tag));
    }

    [Fact]
    public async Task Messages_AcceptedSend_AnswersTheMidAndPostsDeliveryAndReadWatermarks()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var fb = await FakeMessenger.StartAsync(new FakeMessengerOptions { AutoReceipts = ["delivery", "read"], RetryDelays = [] }, Ct);
        fb.CallbackUrl = receiver.Url;
        await fb.SendTextAsync(User, "hi", Ct);
        await receiver.NextAsync(Ct);
        using var http = new HttpClient { BaseAddress = fb.BaseAddress };

        using var response = await PostAsync(http, fb, Message(User, new JsonObject { ["text"] = "Hello", ["quick_replies"] = Options(2, "content_type") }));
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        // Each receipt is its own webhook, posted side by side: they may arrive in either order.
        JsonNode[] receipts =
        [
            JsonNode.Parse((await receiver.NextAsync(Ct)).Text)!["entry"]![0]!["messaging"]![0]!,
            JsonNode.Parse((await receiver.NextAsync(Ct)).Text)!["entry"]![0]!["messaging"]![0]!,
        ];
        var delivery = Assert.Single(receipts, r => r["delivery"] is not null);
        var read = Assert.Single(receipts, r => r["read"] is not null);

        var sent = fb.SentMessages.Items.Single();
        Assert.Equal((User, sent.Mid), ((string)answer["recipient_id"]!, (string)answer["message_id"]!));
        Assert.Equal(2, sent.QuickReplies.Count);
        Assert.Equal(sent.Mid, (string)delivery["delivery"]!["mids"]![0]!);
        Assert.Equal(sent.At.ToUnixTimeMilliseconds(), (long)delivery["delivery"]!["watermark"]!);
        Assert.Equal(sent.At.ToUnixTimeMilliseconds(), (long)read["read"]!["watermark"]!);
        Assert.Equal((User, fb.Options.PageId), ((string)read["sender"]!["id"]!, (string)read["recipient"]!["id"]!));
    }

    [Fact]
    public async Task Upload_ThenSendByAttachmentId_TheFileIsTheOneUploaded()
    {
        await using var fb = await StartWithUserAsync();
        using var http = new HttpClient { BaseAddress = fb.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fb.Options.PageAccessToken);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"attachment":{"type":"file","payload":{"is_reusable":true}}}"""), "message" },
        };
        var file = new ByteArrayContent("%PDF-1.4 menu"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "filedata", "menu.pdf");

        using var uploaded = await http.PostAsync("/v23.0/me/message_attachments", form, Ct);
        var id = (string)(await uploaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["attachment_id"]!;
        using var sent = await PostAsync(http, fb, Message(User, new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = "file", ["payload"] = new JsonObject { ["attachment_id"] = id } },
        }));
        using var wrongType = await PostAsync(http, fb, Message(User, new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["attachment_id"] = id } },
        }));

        Assert.Equal((200, 400), ((int)sent.StatusCode, (int)wrongType.StatusCode));
        var message = fb.SentMessages.Items.Single();
        Assert.Equal(("file", "menu.pdf"), (message.Kind, message.Upload?.FileName));
        Assert.Equal("%PDF-1.4 menu"u8.ToArray(), message.Upload?.Content);
    }

    [Fact]
    public async Task Me_PageToken_ThePage()
    {
        await using var fb = await FakeMessenger.StartAsync(cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = fb.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fb.Options.PageAccessToken);

        var page = await http.GetFromJsonAsync<JsonObject>("/v23.0/me?fields=id,name", Ct);

        Assert.Equal((fb.Options.PageId, fb.Options.PageName), ((string)page!["id"]!, (string)page["name"]!));
    }

    private static async Task<FakeMessenger> StartWithUserAsync(TimeProvider? clock = null)
    {
        var fb = await FakeMessenger.StartAsync(new FakeMessengerOptions { AutoReceipts = [], RetryDelays = [], TimeProvider = clock ?? TimeProvider.System }, Ct);
        // The user writes (the webhook goes nowhere: no receiver is needed for the window to open).
        fb.CallbackUrl = new Uri("http://127.0.0.1:9/");
        await fb.SendTextAsync(User, "hi", Ct);
        return fb;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, FakeMessenger fb, JsonObject body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v23.0/{fb.Options.PageId}/messages") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? fb.Options.PageAccessToken);
        return http.SendAsync(request, Ct);
    }

    private static JsonObject Message(string to, JsonObject message) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = to },
        ["messaging_type"] = "RESPONSE",
        ["message"] = message,
    };

    private static JsonArray Options(int count, string _) => new([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
    {
        ["content_type"] = "text",
        ["title"] = $"Option {i}",
        ["payload"] = $"opt-{i}",
    })]);

    private static JsonObject Buttons(int count) => new()
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "button",
                ["text"] = "Pick",
                ["buttons"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
                {
                    ["type"] = "postback",
                    ["title"] = $"Option {i}",
                    ["payload"] = $"opt-{i}",
                })]),
            },
        },
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
