using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// A local Messenger Platform for one Facebook Page: a real Send API on 127.0.0.1 (see <see cref="MessengerSendApi"/>),
/// users (PSIDs) who write to the Page, and a webhook sender that verifies the callback URL as the app dashboard does and
/// posts the users' messages, quick replies, postbacks and files, and delivery and read watermarks of what was sent,
/// signed with <c>X-Hub-Signature-256</c> and retried on non-2xx. One webhook may batch several entries, one event each,
/// as Meta's do. Everything the application does is recorded with awaitable waits. See <c>Platforms/README.md</c>.
/// </summary>
public sealed class FakeMessenger : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly MessengerState _state;
    private readonly MetaWebhookSender _sender;
    private readonly HttpClient _http;
    private readonly MessengerRecordings _recordings;
    private long _deliveries;

    private FakeMessenger(LoopbackServer server, MessengerState state, MetaWebhookSender sender, HttpClient http, PlatformFaults faults,
        MessengerRecordings recordings)
    {
        _server = server;
        _state = state;
        _sender = sender;
        _http = http;
        Faults = faults;
        _recordings = recordings;
    }

    /// <summary>The Graph API's base address (in place of <c>https://graph.facebook.com/</c>).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The options the fake runs with.</summary>
    public FakeMessengerOptions Options => _state.Options;

    /// <summary>The callback URL the fake posts webhooks to: set by a successful <see cref="VerifyCallbackAsync"/>, or directly.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>Faults for the Send API's next calls (operation <c>messages</c>); a throttle is answered with error 613, another with 1200.</summary>
    public PlatformFaults Faults { get; }

    /// <summary>Every webhook the fake posted, once each (retries are in <see cref="WebhookAttempts"/>).</summary>
    public Recording<MessengerInbound> Webhooks => _recordings.Webhooks;

    /// <summary>Every webhook request the fake made, including retries.</summary>
    public Recording<WebhookAttempt> WebhookAttempts => _recordings.WebhookAttempts;

    /// <summary>Messages the application sent and the fake accepted.</summary>
    public Recording<MessengerSentMessage> SentMessages => _recordings.Sent;

    /// <summary>Sender actions (typing, mark seen) the application sent and the fake accepted.</summary>
    public Recording<MessengerSenderAction> SenderActions => _recordings.SenderActions;

    /// <summary>Files the application uploaded.</summary>
    public Recording<MessengerUpload> Uploads => _recordings.Uploads;

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeMessenger> StartAsync(FakeMessengerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeMessengerOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var state = new MessengerState(options);
        var recordings = new MessengerRecordings();
        var sender = new MetaWebhookSender(options.AppSecret, options.TimeProvider, options.RetryDelays, options.WebhookTimeout, http, recordings.WebhookAttempts);
        var faults = new PlatformFaults();
        FakeMessenger? fake = null;
        new MessengerSendApi(state, recordings, faults, sent => fake?.OnAccepted(sent)).Map(app);
        var server = await LoopbackServer.StartAsync(app, cancellationToken);
        fake = new FakeMessenger(server, state, sender, http, faults, recordings);
        return fake;
    }

    /// <summary>The app dashboard's verification <c>GET</c>; on an echoed challenge the URL becomes <see cref="CallbackUrl"/>.</summary>
    public async Task<MetaVerification> VerifyCallbackAsync(Uri callbackUrl, string verifyToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        var result = await _sender.VerifyAsync(callbackUrl, verifyToken, cancellationToken);
        if (result.Verified)
        {
            CallbackUrl = callbackUrl;
        }

        return result;
    }

    /// <summary>A user's text message event (<c>messaging[]</c> item), for <see cref="PostEventsAsync"/>.</summary>
    public JsonObject TextMessage(string psid, string text) => Event(psid, "message", new JsonObject { ["mid"] = _state.NewMid(), ["text"] = text });

    /// <summary>A user's tap on a quick reply: a message with its title as text and its payload.</summary>
    public JsonObject QuickReplyMessage(string psid, string title, string payload) => Event(psid, "message", new JsonObject
    {
        ["mid"] = _state.NewMid(),
        ["text"] = title,
        ["quick_reply"] = new JsonObject { ["payload"] = payload },
    });

    /// <summary>A user's tap on a postback button (of a button template): its title and payload, with a mid.</summary>
    public JsonObject PostbackEvent(string psid, string title, string payload) => Event(psid, "postback", new JsonObject
    {
        ["mid"] = _state.NewMid(),
        ["title"] = title,
        ["payload"] = payload,
    });

    /// <summary>
    /// A user's message with one file (<paramref name="type"/> <c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>): the
    /// bytes go on the fake CDN under <paramref name="fileName"/>, and the attachment carries that URL.
    /// </summary>
    public JsonObject FileMessage(string psid, string type, string mimeType, byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = _state.NewId();
        lock (_state.Sync)
        {
            _state.Cdn[id] = (mimeType, content);
        }

        var url = new Uri(BaseAddress, $"/cdn/{id}/{Uri.EscapeDataString(fileName)}");
        return Event(psid, "message", new JsonObject
        {
            ["mid"] = _state.NewMid(),
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = url.AbsoluteUri } }),
        });
    }

    /// <summary>The Page's own message as Meta echoes it (<c>is_echo</c>, sender the Page), as when someone answers in the Page inbox.</summary>
    public JsonObject EchoMessage(string psid, string text)
    {
        var echo = Event(_state.Options.PageId, "message", new JsonObject
        {
            ["mid"] = _state.NewMid(),
            ["is_echo"] = true,
            ["app_id"] = 1517776481860111,
            ["text"] = text,
        });
        echo["recipient"] = new JsonObject { ["id"] = psid };
        return echo;
    }

    /// <summary>A delivery event for <paramref name="psid"/>: <paramref name="mids"/> (when given) and a watermark, by default the fake's time.</summary>
    public JsonObject DeliveryEvent(string psid, IReadOnlyList<string>? mids = null, DateTimeOffset? watermark = null)
    {
        var delivery = new JsonObject { ["watermark"] = Millis(watermark ?? Now) };
        if (mids is not null)
        {
            delivery["mids"] = new JsonArray([.. mids.Select(m => (JsonNode)m)]);
        }

        return Event(psid, "delivery", delivery);
    }

    /// <summary>A read event for <paramref name="psid"/> with a watermark, by default the fake's time.</summary>
    public JsonObject ReadEvent(string psid, DateTimeOffset? watermark = null) =>
        Event(psid, "read", new JsonObject { ["watermark"] = Millis(watermark ?? Now) });

    /// <summary>The user <paramref name="psid"/> writes <paramref name="text"/>; completes when the webhook is posted.</summary>
    public Task<MessengerInbound> SendTextAsync(string psid, string text, CancellationToken cancellationToken = default) =>
        PostEventsAsync([TextMessage(psid, text)], cancellationToken);

    /// <summary>The user taps the quick reply <paramref name="title"/> (<paramref name="payload"/>).</summary>
    public Task<MessengerInbound> TapQuickReplyAsync(string psid, string title, string payload, CancellationToken cancellationToken = default) =>
        PostEventsAsync([QuickReplyMessage(psid, title, payload)], cancellationToken);

    /// <summary>The user taps the postback button <paramref name="title"/> (<paramref name="payload"/>).</summary>
    public Task<MessengerInbound> TapPostbackAsync(string psid, string title, string payload, CancellationToken cancellationToken = default) =>
        PostEventsAsync([PostbackEvent(psid, title, payload)], cancellationToken);

    /// <summary>The user sends a file (see <see cref="FileMessage"/>).</summary>
    public Task<MessengerInbound> SendFileAsync(string psid, string type, string mimeType, byte[] content, string fileName,
        CancellationToken cancellationToken = default) =>
        PostEventsAsync([FileMessage(psid, type, mimeType, content, fileName)], cancellationToken);

    /// <summary>Posts a delivery watermark (see <see cref="DeliveryEvent"/>).</summary>
    public Task<MessengerInbound> ReportDeliveryAsync(string psid, IReadOnlyList<string>? mids = null, DateTimeOffset? watermark = null,
        CancellationToken cancellationToken = default) =>
        PostEventsAsync([DeliveryEvent(psid, mids, watermark)], cancellationToken);

    /// <summary>Posts a read watermark (see <see cref="ReadEvent"/>).</summary>
    public Task<MessengerInbound> ReportReadAsync(string psid, DateTimeOffset? watermark = null, CancellationToken cancellationToken = default) =>
        PostEventsAsync([ReadEvent(psid, watermark)], cancellationToken);

    /// <summary>Posts one webhook batching <paramref name="events"/>, one entry each; the delivery runs in the background (await <see cref="WaitForDeliveryAsync"/>).</summary>
    public Task<MessengerInbound> PostEventsAsync(IReadOnlyList<JsonObject> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return PostAsync(Envelope([.. events]), cancellationToken);
    }

    /// <summary>
    /// Posts an arbitrary webhook body, signed (see <see cref="Envelope"/>), for batches, malformed items and redeliveries.
    /// The users' messages and postbacks in it open their senders' windows.
    /// </summary>
    public Task<MessengerInbound> PostAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = CallbackUrl ?? throw new InvalidOperationException("Verify the callback first (FakeMessenger.VerifyCallbackAsync) or set CallbackUrl.");
        var events = (body["entry"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(e => e["messaging"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var mids = new List<string>();
        foreach (var item in events)
        {
            var action = item["message"] as JsonObject ?? item["postback"] as JsonObject;
            if (action is null || action["is_echo"] is not null || Str(action, "mid") is not { } mid)
            {
                continue;
            }

            mids.Add(mid);
            if (item["sender"] is JsonObject sender && Str(sender, "id") is { } psid)
            {
                lock (_state.Sync)
                {
                    _state.LastInbound[psid] = Now;
                }
            }
        }

        var json = body.ToJsonString();
        var webhook = new MessengerInbound("webhook-" + Interlocked.Increment(ref _deliveries).ToString(CultureInfo.InvariantCulture), mids, json);
        _recordings.Webhooks.Add(webhook);
        _ = _sender.PostAsync(webhook.Id, url, json);
        return Task.FromResult(webhook);
    }

    /// <summary>Posts <paramref name="webhook"/> again, byte for byte, as Meta's redelivery does.</summary>
    public Task<MessengerInbound> RedeliverAsync(MessengerInbound webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var again = webhook with { Id = "webhook-" + Interlocked.Increment(ref _deliveries).ToString(CultureInfo.InvariantCulture) };
        _recordings.Webhooks.Add(again);
        _ = _sender.PostAsync(again.Id, CallbackUrl!, webhook.Json);
        return Task.FromResult(again);
    }

    /// <summary>The webhook envelope: <c>object: page</c> and one entry of the Page per event.</summary>
    public JsonObject Envelope(params JsonObject[] events) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = _state.Options.PageId,
            ["time"] = Millis(Now),
            ["messaging"] = new JsonArray(e.DeepClone()),
        })]),
    };

    /// <summary>Waits for the application's next accepted message to <paramref name="psid"/> that matches <paramref name="predicate"/>.</summary>
    public Task<MessengerSentMessage> WaitForMessageAsync(string psid, Func<MessengerSentMessage, bool>? predicate = null,
        CancellationToken cancellationToken = default) =>
        SentMessages.WaitForAsync(m => m.To == psid && (predicate?.Invoke(m) ?? true), cancellationToken);

    /// <summary>Waits until the callback answered the webhook 2xx.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(MessengerInbound webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return WebhookAttempts.WaitForAsync(a => a.Id == webhook.Id && a.Succeeded, cancellationToken);
    }

    /// <summary>Waits for attempt number <paramref name="attempt"/> at the webhook, whatever its answer.</summary>
    public Task<WebhookAttempt> WaitForAttemptAsync(MessengerInbound webhook, int attempt = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return WebhookAttempts.WaitForAsync(a => a.Id == webhook.Id && a.Attempt == attempt, cancellationToken);
    }

    /// <summary>Stops the webhook sender and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private DateTimeOffset Now => _state.Options.TimeProvider.GetUtcNow();

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static string? Str(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private JsonObject Event(string psid, string kind, JsonObject content) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = _state.Options.PageId },
        ["timestamp"] = Millis(Now),
        [kind] = content,
    };

    /// <summary>After an accepted send: its receipts, one webhook each.</summary>
    private void OnAccepted(MessengerSentMessage sent)
    {
        if (CallbackUrl is null)
        {
            return;
        }

        foreach (var receipt in _state.Options.AutoReceipts)
        {
            _ = receipt == "read" ? ReportReadAsync(sent.To, sent.At) : ReportDeliveryAsync(sent.To, [sent.Mid], sent.At);
        }
    }
}
