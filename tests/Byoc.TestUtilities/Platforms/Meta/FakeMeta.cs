using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// A local Meta WhatsApp Cloud API: a real Graph messages endpoint on 127.0.0.1, users who write to the business number,
/// and a webhook sender that verifies the callback URL as the app dashboard does and posts the users' messages and the
/// sent messages' statuses signed with <c>X-Hub-Signature-256</c>, retried on non-2xx, and a media store for the users'
/// files and the application's uploads. Everything the application does is recorded with awaitable waits. See <c>Platforms/README.md</c>.
/// </summary>
public sealed class FakeMeta : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly MetaState _state;
    private readonly MetaWebhookSender _sender;
    private readonly HttpClient _http;
    private readonly MetaRecordings _recordings;
    private long _deliveries;

    private FakeMeta(LoopbackServer server, MetaState state, MetaWebhookSender sender, HttpClient http, PlatformFaults faults, MetaRecordings recordings)
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
    public FakeMetaOptions Options => _state.Options;

    /// <summary>The callback URL the fake posts webhooks to: set by a successful <see cref="VerifyCallbackAsync"/>, or directly.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>Faults for the Graph API's next calls (operation <c>messages</c>); a throttle is answered with error 130429.</summary>
    public PlatformFaults Faults { get; }

    /// <summary>Every webhook the fake posted, once each (retries are in <see cref="WebhookAttempts"/>).</summary>
    public Recording<WhatsAppInbound> Webhooks => _recordings.Webhooks;

    /// <summary>Every webhook request the fake made, including retries.</summary>
    public Recording<WebhookAttempt> WebhookAttempts => _recordings.WebhookAttempts;

    /// <summary>Messages the application sent and the fake accepted.</summary>
    public Recording<WhatsAppSentMessage> SentMessages => _recordings.Sent;

    /// <summary>The application's requests to the media endpoints (lookups, downloads and uploads), whatever the answer.</summary>
    public Recording<MetaMediaRequest> MediaRequests => _recordings.MediaRequests;

    /// <summary>Read receipts (with or without typing) the application sent.</summary>
    public Recording<WhatsAppReadReceipt> ReadReceipts => _recordings.ReadReceipts;

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeMeta> StartAsync(FakeMetaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeMetaOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var state = new MetaState(options);
        var recordings = new MetaRecordings();
        var sender = new MetaWebhookSender(options.AppSecret, options.TimeProvider, options.RetryDelays, options.WebhookTimeout, http, recordings.WebhookAttempts);
        var faults = new PlatformFaults();
        FakeMeta? fake = null;
        new MetaGraphApi(state, recordings, faults, sent => fake?.OnAccepted(sent)).Map(app);
        new MetaMediaApi(state, recordings.MediaRequests, faults).Map(app);
        var server = await LoopbackServer.StartAsync(app, cancellationToken);
        fake = new FakeMeta(server, state, sender, http, faults, recordings);
        return fake;
    }

    /// <summary>
    /// What the app dashboard does when the callback URL and verify token are saved: the verification <c>GET</c>; on an
    /// echoed challenge the URL becomes <see cref="CallbackUrl"/>.
    /// </summary>
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

    /// <summary>A user's text message object (<c>value.messages[]</c>), for <see cref="PostMessagesAsync"/>; the user's window opens when posted.</summary>
    public JsonObject TextMessage(string from, string text) => Message(from, "text", new JsonObject { ["body"] = text });

    /// <summary>A user's tap on a reply button (<c>button_reply</c>) or list row (<c>list_reply</c>) of the message <paramref name="replyTo"/>.</summary>
    public JsonObject ReplyMessage(string from, string replyTo, string id, string title, bool list = false)
    {
        var message = Message(from, "interactive", new JsonObject
        {
            ["type"] = list ? "list_reply" : "button_reply",
            [list ? "list_reply" : "button_reply"] = new JsonObject { ["id"] = id, ["title"] = title },
        });
        message["context"] = new JsonObject { ["from"] = _state.Options.DisplayPhoneNumber, ["id"] = replyTo };
        return message;
    }

    /// <summary>
    /// A user's media message object (<paramref name="type"/> <c>image</c>, <c>document</c>, <c>audio</c>, <c>video</c> or
    /// <c>sticker</c>): the file goes into the fake's media store under a new media id, which the message carries with the
    /// MIME type, the SHA-256 and, when given, the caption and (documents) the file name.
    /// </summary>
    public JsonObject MediaMessage(string from, string type, string mimeType, byte[] content, string? caption = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = _state.NewMediaId();
        lock (_state.Sync)
        {
            _state.Media[id] = new MetaMedia(id, mimeType, content, fileName, Uploaded: false);
        }

        var media = new JsonObject
        {
            ["mime_type"] = mimeType,
            ["sha256"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(content)),
            ["id"] = id,
        };
        if (caption is not null)
        {
            media["caption"] = caption;
        }

        if (fileName is not null)
        {
            media["filename"] = fileName;
        }

        return Message(from, type, media);
    }

    /// <summary>Removes a media id from the store, as Meta does 7 days after the webhook: its lookup then fails.</summary>
    public void ExpireMedia(string mediaId)
    {
        lock (_state.Sync)
        {
            _state.Media.Remove(mediaId);
        }
    }

    /// <summary>The user sends a file (see <see cref="MediaMessage"/>); completes when the webhook is posted.</summary>
    public Task<WhatsAppInbound> SendMediaAsync(string from, string type, string mimeType, byte[] content, string? caption = null,
        string? fileName = null, CancellationToken cancellationToken = default) =>
        PostMessagesAsync([MediaMessage(from, type, mimeType, content, caption, fileName)], "WhatsApp User", cancellationToken);

    /// <summary>The user <paramref name="from"/> (a wa_id, digits) writes <paramref name="text"/>; completes when the webhook is posted.</summary>
    public Task<WhatsAppInbound> SendTextAsync(string from, string text, string name = "WhatsApp User", CancellationToken cancellationToken = default) =>
        PostMessagesAsync([TextMessage(from, text)], name, cancellationToken);

    /// <summary>
    /// The user writes <paramref name="text"/> with a business-scoped <paramref name="userId"/> in the contact: with
    /// <paramref name="waId"/> as today's webhooks carry both, without it (no <c>from</c>, no <c>wa_id</c>) as for a user
    /// Meta shares no phone number of. Completes when the webhook is posted.
    /// </summary>
    public Task<WhatsAppInbound> SendTextWithUserIdAsync(string userId, string? waId, string text, CancellationToken cancellationToken = default)
    {
        var message = TextMessage(waId ?? userId, text);
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = "WhatsApp User" } };
        if (waId is null)
        {
            message.Remove("from");
        }
        else
        {
            contact["wa_id"] = waId;
        }

        contact["user_id"] = userId;
        var value = Value();
        value["contacts"] = new JsonArray(contact);
        value["messages"] = new JsonArray(message);
        return PostAsync(Envelope(value), cancellationToken);
    }

    /// <summary>The user taps a reply button or list row of the application's message <paramref name="replyTo"/>.</summary>
    public Task<WhatsAppInbound> TapAsync(string from, string replyTo, string id, string title, bool list = false, CancellationToken cancellationToken = default) =>
        PostMessagesAsync([ReplyMessage(from, replyTo, id, title, list)], "WhatsApp User", cancellationToken);

    /// <summary>
    /// Posts one webhook carrying <paramref name="messages"/> (in one change of one entry), opening the window of each
    /// sender; the delivery runs in the background (await <see cref="WaitForDeliveryAsync"/>), as Meta's does.
    /// </summary>
    public Task<WhatsAppInbound> PostMessagesAsync(IReadOnlyList<JsonObject> messages, string name = "WhatsApp User", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var from = messages.Select(m => (string?)m["from"]).FirstOrDefault(f => f is not null);
        var value = Value();
        if (from is not null)
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from });
        }

        value["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)m.DeepClone())]);
        return PostAsync(Envelope(value), cancellationToken);
    }

    /// <summary>
    /// Posts an arbitrary webhook body, signed (entries and changes as given; see <see cref="Envelope"/> and <see cref="Value"/>),
    /// for batches, malformed items and redeliveries. Text messages in it open their senders' windows.
    /// </summary>
    public Task<WhatsAppInbound> PostAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = CallbackUrl ?? throw new InvalidOperationException("Verify the callback first (FakeMeta.VerifyCallbackAsync) or set CallbackUrl.");
        var values = (body["entry"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(e => e["changes"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => c["value"] as JsonObject).OfType<JsonObject>().ToList();
        foreach (var value in values)
        {
            var contact = (value["contacts"] as JsonArray)?.FirstOrDefault() as JsonObject;
            foreach (var message in (value["messages"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Opened(message, contact?["user_id"] is JsonValue userId && userId.TryGetValue<string>(out var id) ? id : null);
            }
        }

        var ids = values.SelectMany(v => (v["messages"] as JsonArray ?? []).Concat(v["statuses"] as JsonArray ?? []))
            .OfType<JsonObject>().Select(m => m["id"] is JsonValue id && id.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
        var json = body.ToJsonString();
        var webhook = new WhatsAppInbound("webhook-" + Interlocked.Increment(ref _deliveries).ToString(CultureInfo.InvariantCulture), ids, json);
        _recordings.Webhooks.Add(webhook);
        _ = _sender.PostAsync(webhook.Id, url, json);
        return Task.FromResult(webhook);
    }

    /// <summary>Posts <paramref name="webhook"/> again, byte for byte, as Meta's redelivery does.</summary>
    public Task<WhatsAppInbound> RedeliverAsync(WhatsAppInbound webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var again = webhook with { Id = "webhook-" + Interlocked.Increment(ref _deliveries).ToString(CultureInfo.InvariantCulture) };
        _recordings.Webhooks.Add(again);
        _ = _sender.PostAsync(again.Id, CallbackUrl!, webhook.Json);
        return Task.FromResult(again);
    }

    /// <summary>The webhook envelope: one entry of the business account with one <c>messages</c> change per value.</summary>
    public JsonObject Envelope(params JsonObject[] values) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = _state.Options.BusinessAccountId,
            ["changes"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["value"] = v, ["field"] = "messages" })]),
        }),
    };

    /// <summary>A change's <c>value</c> with the number's metadata, to which <c>contacts</c>, <c>messages</c> or <c>statuses</c> are added.</summary>
    public JsonObject Value() => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject
        {
            ["display_phone_number"] = _state.Options.DisplayPhoneNumber,
            ["phone_number_id"] = _state.Options.PhoneNumberId,
        },
    };

    /// <summary>A status object (<c>value.statuses[]</c>) of the sent message <paramref name="wamid"/>; <paramref name="errorCode"/> for <c>failed</c>.</summary>
    public JsonObject Status(string wamid, string status, int? errorCode = null)
    {
        WhatsAppSentMessage sent;
        lock (_state.Sync)
        {
            sent = _state.Sent[wamid];
        }

        var item = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = Now(),
            ["recipient_id"] = sent.To,
        };
        if (sent.CallbackData is { } data)
        {
            item["biz_opaque_callback_data"] = data;
        }

        if (errorCode is { } code)
        {
            var (title, details) = code == 131047
                ? ("Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")
                : ("Message failed to send", "Message failed to send.");
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = title,
                ["message"] = title,
                ["error_data"] = new JsonObject { ["details"] = details },
            });
        }

        return item;
    }

    /// <summary>Posts a status webhook for the sent message (for example <c>read</c>, or <c>failed</c> with 131026).</summary>
    public Task<WhatsAppInbound> ReportStatusAsync(string wamid, string status, int? errorCode = null, CancellationToken cancellationToken = default)
    {
        var value = Value();
        value["statuses"] = new JsonArray(Status(wamid, status, errorCode));
        return PostAsync(Envelope(value), cancellationToken);
    }

    /// <summary>Waits for the application's next accepted message to <paramref name="to"/> that matches <paramref name="predicate"/>.</summary>
    public Task<WhatsAppSentMessage> WaitForMessageAsync(string to, Func<WhatsAppSentMessage, bool>? predicate = null,
        CancellationToken cancellationToken = default) =>
        SentMessages.WaitForAsync(m => m.To == to && (predicate?.Invoke(m) ?? true), cancellationToken);

    /// <summary>Waits until the callback answered the webhook 2xx.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(WhatsAppInbound webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return WebhookAttempts.WaitForAsync(a => a.Id == webhook.Id && a.Succeeded, cancellationToken);
    }

    /// <summary>Waits for attempt number <paramref name="attempt"/> at the webhook, whatever its answer.</summary>
    public Task<WebhookAttempt> WaitForAttemptAsync(WhatsAppInbound webhook, int attempt = 1, CancellationToken cancellationToken = default)
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

    private JsonObject Message(string from, string type, JsonObject content) => new()
    {
        ["from"] = from,
        ["id"] = _state.NewWamid(),
        ["timestamp"] = Now(),
        ["type"] = type,
        [type] = content,
    };

    /// <summary>Opens the window of the message's sender: its <c>from</c>, else (a user id only) the contact's <paramref name="userId"/>.</summary>
    private void Opened(JsonObject message, string? userId)
    {
        var user = message["from"] is JsonValue from && from.TryGetValue<string>(out var number) ? number : userId;
        if (user is not null && message["id"] is JsonValue id && id.TryGetValue<string>(out var wamid))
        {
            lock (_state.Sync)
            {
                _state.LastInbound[user] = _state.Options.TimeProvider.GetUtcNow();
                _state.InboundIds.Add(wamid);
            }
        }
    }

    private string Now() => _state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>After an accepted send: its statuses, or, for a free-form message outside the window, the 131047 failure.</summary>
    private void OnAccepted(WhatsAppSentMessage sent)
    {
        if (CallbackUrl is null)
        {
            return;
        }

        if (sent.Type != "template" && !sent.InWindow)
        {
            _ = ReportStatusAsync(sent.Wamid, "failed", 131047);
            return;
        }

        foreach (var status in _state.Options.AutoStatuses)
        {
            _ = ReportStatusAsync(sent.Wamid, status);
        }
    }
}
