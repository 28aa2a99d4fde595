using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>
/// A local Telegram: a real Bot API server on 127.0.0.1 (point <c>TelegramBotClientOptions.BaseUrl</c> at
/// <see cref="BaseAddress"/>), users who write to the bot, and a webhook sender that delivers their updates as
/// Telegram does. Everything the bot does is recorded with awaitable waits. See <c>Platforms/README.md</c>.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly TelegramState _state;
    private readonly TelegramRecordings _recordings;
    private readonly TelegramWebhookSender _sender;
    private readonly FakeTelegramOptions _options;
    private readonly HttpClient _http;

    private FakeTelegram(LoopbackServer server, TelegramState state, TelegramRecordings recordings,
        TelegramWebhookSender sender, FakeTelegramOptions options, HttpClient http, PlatformFaults faults)
    {
        _server = server;
        _state = state;
        _recordings = recordings;
        _sender = sender;
        _options = options;
        _http = http;
        Faults = faults;
    }

    /// <summary>The Bot API base address, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The bot token the fake accepts.</summary>
    public string Token => _options.Token;

    /// <summary>The bot's user id (the token's digits before the colon).</summary>
    public long BotId => _options.BotId;

    /// <summary>Faults for the Bot API's next calls (operation = method name, for example <c>sendMessage</c>).</summary>
    public PlatformFaults Faults { get; }

    /// <summary>Messages the bot sent or edited.</summary>
    public Recording<TelegramSentMessage> SentMessages => _recordings.Messages;

    /// <summary>Chat actions (typing) the bot sent.</summary>
    public Recording<TelegramChatAction> ChatActions => _recordings.ChatActions;

    /// <summary>Button taps the bot answered.</summary>
    public Recording<TelegramCallbackAnswer> CallbackAnswers => _recordings.CallbackAnswers;

    /// <summary>Updates the users produced, in update_id order.</summary>
    public Recording<TelegramUpdate> Updates => _recordings.Updates;

    /// <summary>Every webhook request the fake made, including retries.</summary>
    public Recording<WebhookAttempt> WebhookAttempts => _recordings.WebhookAttempts;

    /// <summary>Updates the fake gave up on after <see cref="FakeTelegramOptions.MaxDeliveryAttempts"/> failed attempts.</summary>
    public Recording<TelegramUpdate> AbandonedUpdates => _recordings.AbandonedUpdates;

    /// <summary>The webhook currently set, if any.</summary>
    public TelegramWebhookRegistration? Webhook
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Webhook;
            }
        }
    }

    /// <summary>Updates not yet delivered (getWebhookInfo's <c>pending_update_count</c>).</summary>
    public int PendingUpdateCount => _sender.PendingCount;

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeTelegram> StartAsync(FakeTelegramOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeTelegramOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The Bot API takes uploads up to 50 MB; Kestrel's default cap is 30 MB.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        var app = builder.Build();

        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var state = new TelegramState(options);
        var recordings = new TelegramRecordings();
        var sender = new TelegramWebhookSender(state, options, http, recordings.WebhookAttempts, recordings.AbandonedUpdates);
        var faults = new PlatformFaults();
        new TelegramBotApi(state, sender, options, faults, recordings, http).Map(app);
        var server = await LoopbackServer.StartAsync(app, cancellationToken);
        return new FakeTelegram(server, state, recordings, sender, options, http, faults);
    }

    /// <summary>
    /// Sets the webhook through the fake's own <c>setWebhook</c>, with its validation (an http://127.0.0.1 URL needs
    /// <see cref="FakeTelegramOptions.AllowInsecureLoopbackWebhooks"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The Bot API refused it; the message is its description.</exception>
    public async Task SetWebhookAsync(Uri url, string? secretToken = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["url"] = url.AbsoluteUri };
        if (secretToken is not null)
        {
            parameters["secret_token"] = secretToken;
        }

        // "./" keeps the token's colon from reading as a URI scheme ("bot123:" would be one).
        using var response = await _http.PostAsync(new Uri(BaseAddress, $"./bot{Token}/setWebhook"),
            new StringContent(parameters.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException(answer["description"]?.GetValue<string>());
        }
    }

    /// <summary>Adds a user (and their private chat with the bot).</summary>
    public TelegramUser AddUser(string firstName, string? username = null, string? languageCode = null, long? id = null)
    {
        lock (_state.Sync)
        {
            return _state.AddUser(firstName, username, languageCode, id);
        }
    }

    /// <summary>The user blocks the bot: further sends to the chat answer 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockBot(long chatId)
    {
        lock (_state.Sync)
        {
            _state.GetOrAddChat(chatId).BotBlocked = true;
        }
    }

    /// <summary>The user of <paramref name="chatId"/> writes <paramref name="text"/>; an unknown id becomes a new user.</summary>
    public Task<TelegramUpdate> SendTextAsync(long chatId, string text, CancellationToken cancellationToken = default) =>
        Task.FromResult(EnqueueMessage(chatId, message => message["text"] = text));

    /// <summary>The user sends a photo (PNG, GIF or JPEG bytes), optionally with a caption.</summary>
    public Task<TelegramUpdate> SendPhotoAsync(long chatId, byte[] image, string? caption = null, CancellationToken cancellationToken = default)
    {
        var size = ImageSize.Read(image) ?? throw new ArgumentException("Telegram makes photos from PNG, GIF or JPEG only.", nameof(image));
        return Task.FromResult(EnqueueMessage(chatId, message =>
        {
            var file = _state.StoreFile(image, null, "image/jpeg", "photos", ".jpg");
            message["photo"] = TelegramJson.PhotoSizes(file, size.Width, size.Height);
            AddCaption(message, caption);
        }));
    }

    /// <summary>The user sends a file as a document, optionally with a caption.</summary>
    public Task<TelegramUpdate> SendDocumentAsync(long chatId, string fileName, string mimeType, byte[] content,
        string? caption = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(EnqueueMessage(chatId, message =>
        {
            message["document"] = TelegramJson.Document(_state.StoreFile(content, fileName, mimeType, "documents", Path.GetExtension(fileName)));
            AddCaption(message, caption);
        }));

    /// <summary>
    /// The user taps the callback button carrying <paramref name="callbackData"/> on the bot's latest message that has
    /// one (or on message <paramref name="messageId"/>): Telegram sends a <c>callback_query</c> update.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bot sent no such button: a user cannot tap it.</exception>
    public Task<TelegramUpdate> PressButtonAsync(long chatId, string callbackData, long? messageId = null,
        CancellationToken cancellationToken = default)
    {
        lock (_state.Sync)
        {
            var message = (messageId is { } id ? _state.FindBotMessage(chatId, id) : _state.FindMessageWithButton(chatId, callbackData))
                ?? throw new InvalidOperationException($"The bot sent no message with a button '{callbackData}' to chat {chatId}.");
            if (!message.AllButtons.Any(button => button.CallbackData == callbackData))
            {
                throw new InvalidOperationException($"Message {message.MessageId} has no button '{callbackData}'.");
            }

            var chat = _state.GetOrAddChat(chatId);
            var now = _options.TimeProvider.GetUtcNow();
            var queryId = _state.AddCallbackQuery(chatId, now);
            var tapped = TelegramJson.Message(message.MessageId, TelegramJson.Bot(_options), chat, message.SentAt);
            tapped[message.File is null ? "text" : "caption"] = message.Text;
            tapped["reply_markup"] = new JsonObject
            {
                ["inline_keyboard"] = new JsonArray([.. message.Buttons.Select(row => (JsonNode)new JsonArray([.. row.Select(ButtonJson)]))]),
            };
            var updateId = _state.NextUpdateId();
            var update = new JsonObject
            {
                ["update_id"] = updateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = queryId,
                    ["from"] = TelegramJson.User(chat.User),
                    ["message"] = tapped,
                    ["chat_instance"] = (chatId ^ BotId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["data"] = callbackData,
                },
            };
            return Task.FromResult(Enqueue(new TelegramUpdate(updateId, "callback_query", chatId, message.MessageId, queryId, update.ToJsonString())));
        }
    }

    /// <summary>
    /// Telegram delivers <paramref name="update"/> again, as it does when it did not get the webhook's answer (a timeout,
    /// a dropped connection): the same <c>update_id</c> and the same JSON, queued behind the updates already waiting.
    /// </summary>
    public void Redeliver(TelegramUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _sender.Enqueue(update);
    }

    /// <summary>Waits for the bot's next message to the chat that matches <paramref name="predicate"/> (any when null).</summary>
    public Task<TelegramSentMessage> WaitForMessageAsync(long chatId, Func<TelegramSentMessage, bool>? predicate = null,
        CancellationToken cancellationToken = default) =>
        SentMessages.WaitForAsync(message => message.ChatId == chatId && (predicate?.Invoke(message) ?? true), cancellationToken);

    /// <summary>Waits for a chat action (for example <c>typing</c>) in the chat.</summary>
    public Task<TelegramChatAction> WaitForChatActionAsync(long chatId, string action = "typing", CancellationToken cancellationToken = default) =>
        ChatActions.WaitForAsync(item => item.ChatId == chatId && item.Action == action, cancellationToken);

    /// <summary>Waits for the bot to answer the tap.</summary>
    public Task<TelegramCallbackAnswer> WaitForCallbackAnswerAsync(string callbackQueryId, CancellationToken cancellationToken = default) =>
        CallbackAnswers.WaitForAsync(answer => answer.CallbackQueryId == callbackQueryId, cancellationToken);

    /// <summary>Waits until the webhook answered 2xx to the update.</summary>
    public Task<WebhookAttempt> WaitForDeliveryAsync(TelegramUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var id = update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WebhookAttempts.WaitForAsync(attempt => attempt.Id == id && attempt.Succeeded, cancellationToken);
    }

    /// <summary>Stops the server and the webhook sender.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private TelegramUpdate EnqueueMessage(long chatId, Action<JsonObject> fill)
    {
        lock (_state.Sync)
        {
            var chat = _state.GetOrAddChat(chatId);
            var messageId = TelegramState.NextMessageId(chat);
            var message = TelegramJson.Message(messageId, TelegramJson.User(chat.User), chat, _options.TimeProvider.GetUtcNow());
            fill(message);
            var updateId = _state.NextUpdateId();
            var update = new JsonObject { ["update_id"] = updateId, ["message"] = message };
            return Enqueue(new TelegramUpdate(updateId, "message", chatId, messageId, null, update.ToJsonString()));
        }
    }

    private TelegramUpdate Enqueue(TelegramUpdate update)
    {
        _recordings.Updates.Add(update);
        _sender.Enqueue(update);
        return update;
    }

    private static void AddCaption(JsonObject message, string? caption)
    {
        if (caption is not null)
        {
            message["caption"] = caption;
        }
    }

    private static JsonObject ButtonJson(TelegramInlineButton button)
    {
        var json = new JsonObject { ["text"] = button.Text };
        if (button.CallbackData is not null)
        {
            json["callback_data"] = button.CallbackData;
        }

        if (button.Url is not null)
        {
            json["url"] = button.Url;
        }

        return json;
    }
}
