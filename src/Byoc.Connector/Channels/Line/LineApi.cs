using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// The Messaging API for one channel, every call with <c>Authorization: Bearer {channel access token}</c>: reply, push
/// (with <c>X-Line-Retry-Key</c>), the loading animation, mark-as-read and the bot's info. LINE's errors
/// (<c>{"message": …, "details": [{message, property}]}</c>) become outcomes here: 429 and 5xx are retried (the outbox
/// backs off, no sooner than a <c>Retry-After</c>), 400, 401 and 403 are permanent, and a 409 to a push with a retry key
/// means LINE accepted that request before, which is a success.
/// </summary>
internal sealed class LineApi(HttpClient http, LineEndpointOptions settings, TimeProvider timeProvider)
{
    /// <summary>The header that makes a push safe to retry.</summary>
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    private readonly Uri _reply = new(settings.ApiBaseUrl, "/v2/bot/message/reply");
    private readonly Uri _push = new(settings.ApiBaseUrl, "/v2/bot/message/push");
    private readonly Uri _loading = new(settings.ApiBaseUrl, "/v2/bot/chat/loading/start");
    private readonly Uri _markAsRead = new(settings.ApiBaseUrl, "/v2/bot/chat/markAsRead");
    private readonly Uri _info = new(settings.ApiBaseUrl, "/v2/bot/info");

    /// <summary>The bearer token of every call, which content downloads from the data host need too.</summary>
    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", settings.ChannelAccessToken);

    /// <summary>The content of an end user's message on the data host: <c>GET /v2/bot/message/{id}/content</c>.</summary>
    public Uri ContentUrl(string messageId) => new(settings.DataBaseUrl, $"/v2/bot/message/{Uri.EscapeDataString(messageId)}/content");

    /// <summary>
    /// Replies with <paramref name="messages"/> (at most 5) to the event of <paramref name="replyToken"/>; the outcome, and
    /// whether LINE refused the token itself (used, expired or unknown), so the caller pushes instead.
    /// </summary>
    public async Task<(DeliveryOutcome Outcome, bool TokenRefused)> ReplyAsync(string replyToken, JsonArray messages, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["replyToken"] = replyToken, ["messages"] = messages };
        var (outcome, status, message) = await CallAsync(HttpMethod.Post, _reply, body, null, "the reply", cancellationToken);
        return (outcome, status == HttpStatusCode.BadRequest && message.Contains("reply token", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Pushes <paramref name="messages"/> (at most 5) to <paramref name="to"/> with <paramref name="retryKey"/>: a retry
    /// with the same key is never shown twice, and LINE's 409 to it (accepted before) is a success.
    /// </summary>
    public async Task<DeliveryOutcome> PushAsync(string to, JsonArray messages, Guid retryKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["to"] = to, ["messages"] = messages };
        var (outcome, status, _) = await CallAsync(HttpMethod.Post, _push, body, retryKey, "the push", cancellationToken);
        return status == HttpStatusCode.Conflict ? DeliveryOutcome.Succeeded : outcome;
    }

    /// <summary>Shows the loading animation in the one-to-one chat with <paramref name="chatId"/> for <paramref name="seconds"/> (5–60).</summary>
    public async Task<DeliveryOutcome> StartLoadingAsync(string chatId, int seconds, CancellationToken cancellationToken) =>
        (await CallAsync(HttpMethod.Post, _loading, new JsonObject { ["chatId"] = chatId, ["loadingSeconds"] = seconds }, null,
            "the loading animation", cancellationToken)).Outcome;

    /// <summary>Marks the end user's message of <paramref name="markAsReadToken"/>, and every one before it, read.</summary>
    public async Task<DeliveryOutcome> MarkAsReadAsync(string markAsReadToken, CancellationToken cancellationToken) =>
        (await CallAsync(HttpMethod.Post, _markAsRead, new JsonObject { ["markAsReadToken"] = markAsReadToken }, null, "mark as read",
            cancellationToken)).Outcome;

    /// <summary><c>GET /v2/bot/info</c>: the bot (<c>userId</c>, <c>basicId</c>, <c>displayName</c>, <c>chatMode</c>, <c>markAsReadMode</c>), or the outcome of LINE's refusal and its status.</summary>
    public async Task<(DeliveryOutcome Outcome, JsonObject? Bot, int? Status)> GetBotInfoAsync(CancellationToken cancellationToken)
    {
        var (outcome, status, text) = await CallAsync(HttpMethod.Get, _info, null, null, "the bot info", cancellationToken, rawBody: true);
        if (!outcome.IsSuccess)
        {
            return (outcome, null, status is null ? null : (int)status);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject bot
                ? (outcome, bot, (int)status!)
                : (DeliveryOutcome.Permanent("LINE's bot info is not a JSON object."), null, (int)status!);
        }
        catch (JsonException ex)
        {
            return (DeliveryOutcome.Permanent($"LINE's bot info is not JSON: {ex.Message}"), null, (int)status!);
        }
    }

    /// <summary>The outcome, the status LINE answered (null when it could not be reached), and its error message (or, with <paramref name="rawBody"/>, the body).</summary>
    private async Task<(DeliveryOutcome Outcome, HttpStatusCode? Status, string Message)> CallAsync(HttpMethod method, Uri url, JsonObject? body,
        Guid? retryKey, string what, CancellationToken cancellationToken, bool rawBody = false)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = Authorization;
        if (retryKey is { } key)
        {
            request.Headers.Add(RetryKeyHeader, key.ToString("D"));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (DeliveryOutcome.Retryable($"LINE's Messaging API could not be reached for {what}: {ex.Message}"), null, "");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (DeliveryOutcome.Succeeded, response.StatusCode, rawBody ? text : "");
            }

            var message = ReadError(text, response.ReasonPhrase);
            var status = (int)response.StatusCode;
            var error = $"LINE refused {what} ({status}): {message}";
            var outcome = status switch
            {
                401 => DeliveryOutcome.Permanent($"{error} The channel's ChannelAccessToken is invalid or revoked; issue a new one."),
                403 => DeliveryOutcome.Permanent($"{error} The channel access token may not do this (or the plan does not allow it)."),
                _ => TransientFailures.Classify(response, error, timeProvider),
            };
            return (outcome, response.StatusCode, rawBody ? text : message);
        }
    }

    private static string ReadError(string text, string? reason)
    {
        try
        {
            var error = JsonNode.Parse(text);
            var message = error?["message"]?.GetValue<string>() ?? reason ?? "";
            var details = (error?["details"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(d => $"{d["property"]?.GetValue<string>()}: {d["message"]?.GetValue<string>()}".Trim(' ', ':'))
                .Where(d => d.Length > 0).ToList();
            return details.Count == 0 ? message : $"{message} ({string.Join("; ", details)})";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return reason ?? "no error body";
        }
    }
}
