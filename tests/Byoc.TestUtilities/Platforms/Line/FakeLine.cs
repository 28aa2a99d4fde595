using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>
/// A local LINE Messaging API: the API host and, on its own origin, the data host that serves the users' files, both on
/// 127.0.0.1; users who write to the account, tap quick replies, follow and block it; and a webhook sender that signs
/// every delivery with <c>x-line-signature</c> and redelivers one answered non-2xx with <c>isRedelivery</c> and the same
/// <c>webhookEventId</c>s. Every event that can be answered carries a reply token (single-use, expiring) and every
/// message a mark-as-read token. Everything the application does is recorded with awaitable waits. See <c>Platforms/README.md</c>.
/// </summary>
public sealed class FakeLine : IAsyncDisposable
{
    private readonly LoopbackServer _api;
    private readonly LoopbackServer _data;
    private readonly LineState _state;
    private readonly LineWebhookSender _sender;
    private readonly HttpClient _http;
    private long _deliveries;

    private FakeLine(LoopbackServer api, LoopbackServer data, LineState state, LineWebhookSender sender, HttpClient http, PlatformFaults faults,
        Recording<WebhookAttempt> attempts, LineRecordings recordings)
    {
        _api = api;
        _data = data;
        _state = state;
        _sender = sender;
        _http = http;
        Faults = faults;
        WebhookAttempts = attempts;
        SentMessages = recordings.Sent;
        Loadings = recordings.Loadings;
        Reads = recordings.Reads;
        Requests = recordings.Requests;
    }

    /// <summary>The Messaging API's base address (in place of <c>https://api.line.me/</c>).</summary>
    public Uri BaseAddress => _api.BaseAddress;

    /// <summary>The data host's base address (in place of <c>https://api-data.line.me/</c>).</summary>
    public Uri DataBaseAddress => _data.BaseAddress;

    /// <summary>The options the fake runs with.</summary>
    public FakeLineOptions Options => _state.Options;

    /// <summary>The webhook URL set in the console; the fake posts every event there.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Faults for the next calls by operation: <c>reply</c>, <c>push</c>, <c>loading</c>, <c>markAsRead</c>, <c>info</c>, <c>content</c>.</summary>
    public PlatformFaults Faults { get; }

    /// <summary>Every webhook the fake posted, once each (redeliveries are in <see cref="WebhookAttempts"/>).</summary>
    public Recording<LineWebhook> Webhooks { get; } = new();

    /// <summary>Every webhook request the fake made, including redeliveries.</summary>
    public Recording<WebhookAttempt> WebhookAttempts { get; }

    /// <summary>Replies and pushes the fake accepted and showed the user.</summary>
    public Recording<LineSentMessage> SentMessages { get; }

    /// <summary>Loading animations started.</summary>
    public Recording<LineLoading> Loadings { get; }

    /// <summary>Accepted mark-as-read calls.</summary>
    public Recording<LineRead> Reads { get; }

    /// <summary>Every request to either host, whatever the answer.</summary>
    public Recording<LineApiRequest> Requests { get; }

    /// <summary>Starts the fake's two hosts on free loopback ports.</summary>
    public static async Task<FakeLine> StartAsync(FakeLineOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeLineOptions();
        options.Validate();
        var state = new LineState(options);
        var faults = new PlatformFaults();
        var attempts = new Recording<WebhookAttempt>();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var sender = new LineWebhookSender(options, http, attempts);
        var recordings = new LineRecordings();

        var apiBuilder = WebApplication.CreateSlimBuilder();
        apiBuilder.Logging.ClearProviders();
        var apiApp = apiBuilder.Build();
        new LineMessagingApi(state, faults, recordings.Sent, recordings.Loadings, recordings.Reads, recordings.Requests).Map(apiApp);
        var dataBuilder = WebApplication.CreateSlimBuilder();
        dataBuilder.Logging.ClearProviders();
        var dataApp = dataBuilder.Build();
        new LineDataApi(state, faults, recordings.Requests).Map(dataApp);

        var api = await LoopbackServer.StartAsync(apiApp, cancellationToken);
        var data = await LoopbackServer.StartAsync(dataApp, cancellationToken);
        return new FakeLine(api, data, state, sender, http, faults, attempts, recordings);
    }

    /// <summary>
    /// The console's "Verify" button: one signed POST with an empty <c>events</c> array to <paramref name="webhookUrl"/>,
    /// never redelivered; the console shows success for a 200.
    /// </summary>
    public async Task<WebhookAttempt> VerifyWebhookAsync(Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        var id = NextDeliveryId();
        return await _sender.PostOnceAsync(id, webhookUrl, new JsonObject { ["destination"] = _state.Options.BotUserId, ["events"] = new JsonArray() });
    }

    /// <summary>The user <paramref name="user"/> writes <paramref name="text"/>; completes when the webhook is posted (delivery runs in the background).</summary>
    public Task<LineWebhook> SendTextAsync(string user, string text) => PostEventsAsync(TextEvent(user, text));

    /// <summary>
    /// The user sends a file: <paramref name="type"/> <c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c> (with
    /// <paramref name="fileName"/>); the content goes to the data host under the message's id.
    /// </summary>
    public Task<LineWebhook> SendFileAsync(string user, string type, string mimeType, byte[] content, string? fileName = null) =>
        PostEventsAsync(FileEvent(user, type, mimeType, content, fileName));

    /// <summary>The user taps a quick-reply postback button whose <c>data</c> is <paramref name="data"/>.</summary>
    public Task<LineWebhook> PostbackAsync(string user, string data) => PostEventsAsync(PostbackEvent(user, data));

    /// <summary>The user adds the account as a friend (or unblocks it).</summary>
    public Task<LineWebhook> FollowAsync(string user) => PostEventsAsync(Event(user, "follow", replyable: true));

    /// <summary>The user blocks the account: later pushes to them are accepted and dropped, as on LINE.</summary>
    public Task<LineWebhook> UnfollowAsync(string user)
    {
        lock (_state.Sync)
        {
            _state.Users[user] = true;
        }

        return PostEventsAsync(Event(user, "unfollow", replyable: false));
    }

    /// <summary>A text message event from <paramref name="user"/>.</summary>
    public JsonObject TextEvent(string user, string text) => MessageEvent(user, new JsonObject { ["type"] = "text", ["text"] = text });

    /// <summary>A sticker message event.</summary>
    public JsonObject StickerEvent(string user, params string[] keywords) => MessageEvent(user, new JsonObject
    {
        ["type"] = "sticker",
        ["packageId"] = "446",
        ["stickerId"] = "1988",
        ["stickerResourceType"] = "STATIC",
        ["keywords"] = new JsonArray([.. keywords.Select(k => (JsonNode)k)]),
    });

    /// <summary>A file message event; its content is stored on the data host.</summary>
    public JsonObject FileEvent(string user, string type, string mimeType, byte[] content, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new JsonObject { ["type"] = type, ["contentProvider"] = new JsonObject { ["type"] = "line" } };
        if (type == "file")
        {
            message.Remove("contentProvider");
            message["fileName"] = fileName ?? "file.bin";
            message["fileSize"] = content.Length;
        }

        if (type is "video" or "audio")
        {
            message["duration"] = 3000;
        }

        var item = MessageEvent(user, message);
        lock (_state.Sync)
        {
            _state.Content[(string)item["message"]!["id"]!] = (mimeType, content);
        }

        return item;
    }

    /// <summary>A postback event (a tapped postback action).</summary>
    public JsonObject PostbackEvent(string user, string data)
    {
        var item = Event(user, "postback", replyable: true);
        item["postback"] = new JsonObject { ["data"] = data };
        return item;
    }

    /// <summary>
    /// Posts one webhook with <paramref name="events"/> to <see cref="WebhookUrl"/>, signed; a non-2xx answer is
    /// redelivered (see <see cref="FakeLineOptions.RedeliveryDelays"/>). The events' users become the account's users.
    /// </summary>
    public Task<LineWebhook> PostEventsAsync(params JsonObject[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var url = WebhookUrl ?? throw new InvalidOperationException("Set FakeLine.WebhookUrl first (the console's webhook URL).");
        var body = new JsonObject
        {
            ["destination"] = _state.Options.BotUserId,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]),
        };
        var webhook = new LineWebhook(NextDeliveryId(), [.. events.Select(e => (string)e["webhookEventId"]!)], body.ToJsonString());
        Webhooks.Add(webhook);
        _sender.Post(webhook.Id, url, body);
        return Task.FromResult(webhook);
    }

    /// <summary>Expires every reply token issued so far, as a minute passing does.</summary>
    public void ExpireReplyTokens()
    {
        lock (_state.Sync)
        {
            foreach (var token in _state.ReplyTokens.Keys.ToList())
            {
                _state.ReplyTokens[token] = _state.ReplyTokens[token] with { IssuedAt = DateTimeOffset.MinValue.AddYears(1) };
            }
        }
    }

    /// <summary>Waits for a reply or push to <paramref name="user"/> that matches <paramref name="predicate"/>.</summary>
    public Task<LineSentMessage> WaitForMessageAsync(string user, Func<LineSentMessage, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SentMessages.WaitForAsync(m => m.To == user && predicate(m), cancellationToken);
    }

    /// <summary>Waits until a delivery of <paramref name="webhook"/> was answered 2xx.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(LineWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return WebhookAttempts.WaitForAsync(a => a.Id == webhook.Id && a.Succeeded, cancellationToken);
    }

    /// <summary>Waits for attempt number <paramref name="attempt"/> of <paramref name="webhook"/>, whatever its answer.</summary>
    public Task<WebhookAttempt> WaitForAttemptAsync(LineWebhook webhook, int attempt = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return WebhookAttempts.WaitForAsync(a => a.Id == webhook.Id && a.Attempt == attempt, cancellationToken);
    }

    /// <summary>Stops the webhook sender and both hosts.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _api.DisposeAsync();
        await _data.DisposeAsync();
        _http.Dispose();
    }

    private JsonObject MessageEvent(string user, JsonObject message)
    {
        var item = Event(user, "message", replyable: true);
        var id = _state.NewMessageId();
        var readToken = LineState.NewToken();
        message["id"] = id;
        if ((string?)message["type"] is "text" or "sticker")
        {
            message["quoteToken"] = LineState.NewToken();
        }

        message["markAsReadToken"] = readToken;
        lock (_state.Sync)
        {
            _state.ReadTokens[readToken] = (user, id);
        }

        item["message"] = message;
        return item;
    }

    private JsonObject Event(string user, string type, bool replyable)
    {
        var now = _state.Options.TimeProvider.GetUtcNow();
        var item = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = user },
            ["webhookEventId"] = _state.NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        lock (_state.Sync)
        {
            if (type != "unfollow")
            {
                _state.Users[user] = false;
            }

            if (replyable)
            {
                var token = LineState.NewToken();
                _state.ReplyTokens[token] = (user, now, false);
                item["replyToken"] = token;
            }
        }

        return item;
    }

    private string NextDeliveryId() => "line-webhook-" + Interlocked.Increment(ref _deliveries).ToString(CultureInfo.InvariantCulture);
}
