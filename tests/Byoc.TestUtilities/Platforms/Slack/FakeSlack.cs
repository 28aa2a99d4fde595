using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>
/// A local Slack for one app in one workspace: the Web API on 127.0.0.1 (<see cref="ApiBaseUrl"/>), users who write in
/// direct messages and channels, share files and click buttons, an Events API sender that verifies the Request URL
/// (<c>url_verification</c>) and posts signed events retried as Slack retries them, and an interactivity sender. The
/// app's own posts come back as message events with its <c>bot_id</c>, as they do on Slack. See <c>Platforms/README.md</c>.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly SlackState _state;
    private readonly SlackEventSender _sender;
    private readonly HttpClient _http;
    private long _verifications;

    private FakeSlack(LoopbackServer server, SlackState state, SlackEventSender sender, HttpClient http, PlatformFaults faults, SlackErrors errors,
        Recording<WebhookAttempt> attempts)
    {
        EventAttempts = attempts;
        _server = server;
        _state = state;
        _sender = sender;
        _http = http;
        Faults = faults;
        Errors = errors;
    }

    /// <summary>The Web API's base URL (in place of <c>https://slack.com/api/</c>).</summary>
    public Uri ApiBaseUrl => new(_server.BaseAddress, "api/");

    /// <summary>The options the fake runs with.</summary>
    public FakeSlackOptions Options => _state.Options;

    /// <summary>The Event Subscriptions Request URL: set by a successful <see cref="VerifyEventsUrlAsync"/>, or directly.</summary>
    public Uri? EventsUrl { get; set; }

    /// <summary>The Interactivity Request URL clicks are posted to.</summary>
    public Uri? InteractivityUrl { get; set; }

    /// <summary>Whether the app's own posts come back as message events (with <c>bot_id</c>). <value>Default true.</value></summary>
    public bool EchoBotPosts { get; set; } = true;

    /// <summary>Server errors and 429s for the Web API's next calls (operation: the method name, such as <c>chat.postMessage</c>).</summary>
    public PlatformFaults Faults { get; }

    /// <summary><c>ok: false</c> answers for the Web API's next calls.</summary>
    public SlackErrors Errors { get; }

    /// <summary>Every event the fake delivered, once each (retries are in <see cref="EventAttempts"/>).</summary>
    public Recording<SlackEvent> Events { get; } = new();

    /// <summary>Every request the fake made to the Request URL or the Interactivity URL, retries included.</summary>
    public Recording<WebhookAttempt> EventAttempts { get; }

    /// <summary>Messages the application posted and the fake accepted.</summary>
    public Recording<SlackPostedMessage> Posted { get; } = new();

    /// <summary>Files the application uploaded and shared.</summary>
    public Recording<SlackSharedFile> SharedFiles { get; } = new();

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeSlack> StartAsync(FakeSlackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeSlackOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var state = new SlackState(options);
        var attempts = new Recording<WebhookAttempt>();
        var sender = new SlackEventSender(options, http, attempts);
        var faults = new PlatformFaults();
        var errors = new SlackErrors();
        FakeSlack? fake = null;
        new SlackApiEndpoints(state, faults, errors, posted => fake?.OnPosted(posted), file => fake?.SharedFiles.Add(file)).Map(app);
        var server = await LoopbackServer.StartAsync(app, cancellationToken);
        state.BaseAddress = server.BaseAddress;
        fake = new FakeSlack(server, state, sender, http, faults, errors, attempts);
        return fake;
    }

    /// <summary>
    /// What saving the Request URL on the Event Subscriptions page does: a signed <c>url_verification</c>; when the answer
    /// carries the challenge (plain text, or JSON <c>{"challenge": …}</c>), the URL becomes <see cref="EventsUrl"/>.
    /// </summary>
    public async Task<bool> VerifyEventsUrlAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var challenge = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        var body = new JsonObject { ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl", ["challenge"] = challenge, ["type"] = "url_verification" };
        var id = "url_verification-" + Interlocked.Increment(ref _verifications).ToString(CultureInfo.InvariantCulture);
        var (attempt, answer) = await _sender.PostOnceAsync(id, url, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", 1, null, cancellationToken);
        var verified = attempt.Succeeded && answer is not null && (answer.Trim() == challenge || Challenge(answer) == challenge);
        if (verified)
        {
            EventsUrl = url;
        }

        return verified;
    }

    /// <summary>Adds a user's file to the workspace: the file object a message event carries (downloadable with the bot token).</summary>
    public JsonObject File(string name, string mimeType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = _state.NewId("F");
        lock (_state.Sync)
        {
            _state.Files[id] = (name, mimeType, content);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["created"] = _state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
            ["name"] = name,
            ["title"] = name,
            ["mimetype"] = mimeType,
            ["filetype"] = Path.GetExtension(name).TrimStart('.'),
            ["size"] = content.Length,
            ["url_private"] = _state.FileUrl(id, name).AbsoluteUri.Replace("/download/", "/", StringComparison.Ordinal),
            ["url_private_download"] = _state.FileUrl(id, name).AbsoluteUri,
        };
    }

    /// <summary>The message event of <paramref name="user"/> writing in <paramref name="channel"/> (a <c>D…</c> id is a direct message).</summary>
    public JsonObject MessageEvent(string channel, string user, string text, string? threadTs = null, IReadOnlyList<JsonObject>? files = null)
    {
        var item = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = _state.NewTs(),
            ["channel_type"] = channel.StartsWith('D') ? "im" : "channel",
        };
        if (threadTs is not null)
        {
            item["thread_ts"] = threadTs;
        }

        if (files is { Count: > 0 })
        {
            item["subtype"] = "file_share";
            item["files"] = new JsonArray([.. files.Select(f => (JsonNode)f.DeepClone())]);
        }

        return item;
    }

    /// <summary>The <c>event_callback</c> envelope of <paramref name="item"/>, with a new <c>event_id</c>.</summary>
    public JsonObject Envelope(JsonObject item) => new()
    {
        ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        ["team_id"] = _state.Options.TeamId,
        ["api_app_id"] = _state.Options.AppId,
        ["event"] = item,
        ["type"] = "event_callback",
        ["event_id"] = _state.NewId("Ev"),
        ["event_time"] = _state.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = _state.Options.TeamId,
            ["user_id"] = _state.Options.BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
    };

    /// <summary><paramref name="user"/> writes <paramref name="text"/> in <paramref name="channel"/>; the delivery runs in the background.</summary>
    public Task<SlackEvent> SendMessageAsync(string channel, string user, string text, string? threadTs = null, IReadOnlyList<JsonObject>? files = null,
        CancellationToken cancellationToken = default) =>
        PostEventAsync(Envelope(MessageEvent(channel, user, text, threadTs, files)), cancellationToken);

    /// <summary>Posts an arbitrary Events API body, signed and retried (see <see cref="Envelope"/>).</summary>
    public Task<SlackEvent> PostEventAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = EventsUrl ?? throw new InvalidOperationException("Verify the Request URL first (FakeSlack.VerifyEventsUrlAsync) or set EventsUrl.");
        var json = body.ToJsonString();
        var delivered = new SlackEvent((string?)body["event_id"] ?? (string?)body["type"] ?? "event", json, (string?)body["event"]?["ts"]);
        Events.Add(delivered);
        _ = _sender.PostEventAsync(delivered.Id, url, json);
        return Task.FromResult(delivered);
    }

    /// <summary>
    /// Delivers <paramref name="delivered"/> again, byte for byte, as Slack's retry number <paramref name="retryNum"/>
    /// (<c>X-Slack-Retry-Num</c>, with <paramref name="reason"/>): what Slack sends when it did not see the first answer
    /// in time, even though the receiver may have stored the event.
    /// </summary>
    public Task RetryAsync(SlackEvent delivered, int retryNum = 1, string reason = "http_timeout")
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var url = EventsUrl ?? throw new InvalidOperationException("Verify the Request URL first.");
        return _sender.PostEventAsync(delivered.Id, url, delivered.Json, retryNum + 1, reason);
    }

    /// <summary>
    /// <paramref name="user"/> clicks button <paramref name="index"/> of the posted <paramref name="message"/>: a signed
    /// <c>block_actions</c> payload posted once to <see cref="InteractivityUrl"/>; the attempt as recorded.
    /// </summary>
    public async Task<WebhookAttempt> ClickAsync(SlackPostedMessage message, int index, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = InteractivityUrl ?? throw new InvalidOperationException("Set InteractivityUrl first.");
        var button = message.Buttons[index];
        var actionTs = _state.NewTs();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "user", ["team_id"] = _state.Options.TeamId },
            ["api_app_id"] = _state.Options.AppId,
            ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = message.Ts,
                ["channel_id"] = message.Channel,
                ["is_ephemeral"] = false,
                ["thread_ts"] = message.ThreadTs,
            },
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
            ["team"] = new JsonObject { ["id"] = _state.Options.TeamId, ["domain"] = "byoc-test" },
            ["channel"] = new JsonObject { ["id"] = message.Channel, ["name"] = message.Channel.StartsWith('D') ? "directmessage" : "support" },
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["bot_id"] = _state.Options.BotId,
                ["text"] = message.Text,
                ["ts"] = message.Ts,
                ["thread_ts"] = message.ThreadTs,
                ["blocks"] = message.Blocks?.DeepClone(),
            },
            ["response_url"] = new Uri(_server.BaseAddress, "actions/T061EG9R6/1/x").AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = button.ActionId,
                ["block_id"] = button.BlockId,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = button.Text, ["emoji"] = true },
                ["value"] = button.Value,
                ["action_ts"] = actionTs,
            }),
        };
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var (attempt, _) = await _sender.PostOnceAsync("block_actions-" + actionTs, url, Encoding.UTF8.GetBytes(form),
            "application/x-www-form-urlencoded", 1, null, cancellationToken);
        return attempt;
    }

    /// <summary>Waits for the application's next accepted post in <paramref name="channel"/> that matches <paramref name="predicate"/>.</summary>
    public Task<SlackPostedMessage> WaitForPostAsync(string channel, Func<SlackPostedMessage, bool>? predicate = null, CancellationToken cancellationToken = default) =>
        Posted.WaitForAsync(m => m.Channel == channel && (predicate?.Invoke(m) ?? true), cancellationToken);

    /// <summary>Waits until the Request URL answered the event 2xx.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(SlackEvent delivered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        return EventAttempts.WaitForAsync(a => a.Id == delivered.Id && a.Succeeded, cancellationToken);
    }

    /// <summary>Waits for attempt number <paramref name="attempt"/> of the event, whatever its answer.</summary>
    public Task<WebhookAttempt> WaitForAttemptAsync(SlackEvent delivered, int attempt = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        return EventAttempts.WaitForAsync(a => a.Id == delivered.Id && a.Attempt == attempt, cancellationToken);
    }

    /// <summary>Stops the event sender and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private static string? Challenge(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["challenge"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Records the post and, as Slack does for a subscribed app, sends it back as a message event with the bot's <c>bot_id</c>.</summary>
    private void OnPosted(SlackPostedMessage message)
    {
        Posted.Add(message);
        if (!EchoBotPosts || EventsUrl is null)
        {
            return;
        }

        var item = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = message.Channel,
            ["bot_id"] = _state.Options.BotId,
            ["user"] = _state.Options.BotUserId,
            ["text"] = message.Text,
            ["ts"] = message.Ts,
        };
        if (message.ThreadTs is not null)
        {
            item["thread_ts"] = message.ThreadTs;
        }

        _ = PostEventAsync(Envelope(item));
    }
}
