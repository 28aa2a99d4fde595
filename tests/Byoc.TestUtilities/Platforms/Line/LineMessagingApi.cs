using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>
/// The fake's Messaging API host (in place of <c>https://api.line.me</c>), behind <c>Authorization: Bearer</c>, with the
/// rules LINE's reference documents: reply (a reply token is single-use and expires; no retry key) and push (to a user
/// of the account; <c>X-Line-Retry-Key</c> a UUID, a reused key answered 409 with <c>x-line-accepted-request-id</c>),
/// 1 to 5 message objects, text 1 to 5,000 characters, images by HTTPS URLs, a quick reply of 1 to 13 buttons with
/// labels of at most 20 characters and postback data of at most 300; the loading animation (a user's chat, 5–60 s in
/// steps of 5); mark-as-read by a token the fake issued; the bot's info. Faults (operations <c>reply</c>, <c>push</c>,
/// <c>loading</c>, <c>markAsRead</c>) answer with LINE's error bodies; a throttle is 429.
/// </summary>
internal sealed class LineMessagingApi(LineState state, PlatformFaults faults, Recording<LineSentMessage> sent, Recording<LineLoading> loadings,
    Recording<LineRead> reads, Recording<LineApiRequest> requests)
{
    private const string RequestIdHeader = "x-line-request-id";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/bot/message/reply", ReplyAsync);
        app.MapPost("/v2/bot/message/push", PushAsync);
        app.MapPost("/v2/bot/chat/loading/start", LoadingAsync);
        app.MapPost("/v2/bot/chat/markAsRead", MarkAsReadAsync);
        app.MapGet("/v2/bot/info", Info);
        app.MapFallback("{**path}", (HttpRequest request) => Record(request, LineError.Create(404, "Not found")));
    }

    private IResult Record(HttpRequest request, IResult result)
    {
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 200;
        requests.Add(new LineApiRequest(request.Method, request.Path.Value ?? "", status, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            request.Headers["X-Line-Retry-Key"].ToString() is { Length: > 0 } key ? key : null));
        return result;
    }

    private IResult? Refuse(HttpRequest request, string operation)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + state.Options.ChannelAccessToken)
        {
            return LineError.Create(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
        }

        if (faults.TryTake(operation, out var fault))
        {
            if (fault.StatusCode == 429)
            {
                if (fault.RetryAfter is { } wait)
                {
                    request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return LineError.Create(429, "The API rate limit has been exceeded. Try again later.");
            }

            return LineError.Create(fault.StatusCode, fault.StatusCode >= 500 ? "An error occurred in the LINE Platform." : "The request was refused.");
        }

        return null;
    }

    private static async Task<JsonObject?> BodyAsync(HttpRequest request)
    {
        try
        {
            return JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<IResult> ReplyAsync(HttpRequest request)
    {
        if (Refuse(request, "reply") is { } refused)
        {
            return Record(request, refused);
        }

        if (request.Headers.ContainsKey("X-Line-Retry-Key"))
        {
            return Record(request, LineError.Create(400, "The retry key is not supported by this API."));
        }

        if (await BodyAsync(request) is not { } body)
        {
            return Record(request, LineError.Create(400, "The request body has 1 error(s)", ("", "The request body must be a JSON object.")));
        }

        if (Messages(body, out var messages) is { } invalid)
        {
            return Record(request, invalid);
        }

        var now = state.Options.TimeProvider.GetUtcNow();
        string user;
        lock (state.Sync)
        {
            if (body["replyToken"] is not JsonValue value || !value.TryGetValue<string>(out var token)
                || !state.ReplyTokens.TryGetValue(token, out var issued) || issued.Used || now - issued.IssuedAt > state.Options.ReplyTokenLifetime)
            {
                return Record(request, LineError.Create(400, "Invalid reply token"));
            }

            state.ReplyTokens[token] = issued with { Used = true };
            user = issued.User;
        }

        return Record(request, Accept(request, "reply", user, messages, null, now));
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        if (Refuse(request, "push") is { } refused)
        {
            return Record(request, refused);
        }

        string? retryKey = null;
        if (request.Headers["X-Line-Retry-Key"].ToString() is { Length: > 0 } key)
        {
            if (!Guid.TryParseExact(key, "D", out _))
            {
                return Record(request, LineError.Create(400, "The value for the 'X-Line-Retry-Key' header is invalid"));
            }

            retryKey = key;
            lock (state.Sync)
            {
                if (state.RetryKeys.TryGetValue(key, out var accepted))
                {
                    request.HttpContext.Response.Headers["x-line-accepted-request-id"] = accepted;
                    return Record(request, Results.Json(new Dictionary<string, object>
                    {
                        ["message"] = "The retry key is already accepted",
                        ["sentMessages"] = Array.Empty<object>(),
                    }, statusCode: 409));
                }
            }
        }

        if (await BodyAsync(request) is not { } body)
        {
            return Record(request, LineError.Create(400, "The request body has 1 error(s)", ("", "The request body must be a JSON object.")));
        }

        if (Messages(body, out var messages) is { } invalid)
        {
            return Record(request, invalid);
        }

        string to;
        lock (state.Sync)
        {
            if (body["to"] is not JsonValue value || !value.TryGetValue<string>(out to!) || !state.Users.ContainsKey(to))
            {
                return Record(request, LineError.Create(400, "The property, 'to', in the request body is invalid (line: -, column: -)"));
            }
        }

        return Record(request, Accept(request, "push", to, messages, retryKey, state.Options.TimeProvider.GetUtcNow()));
    }

    private IResult Accept(HttpRequest request, string via, string to, IReadOnlyList<JsonObject> messages, string? retryKey, DateTimeOffset now)
    {
        var requestId = LineState.NewToken()[..36];
        request.HttpContext.Response.Headers[RequestIdHeader] = requestId;
        var blocked = false;
        lock (state.Sync)
        {
            if (retryKey is not null)
            {
                state.RetryKeys[retryKey] = requestId;
            }

            blocked = state.Users.TryGetValue(to, out var isBlocked) && isBlocked;
        }

        // LINE accepts a push to a user who blocked the account and drops it; the recording shows only what reached the user.
        if (!blocked)
        {
            sent.Add(new LineSentMessage(via, to, messages, retryKey, requestId, now));
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["sentMessages"] = messages.Select(_ => new Dictionary<string, string> { ["id"] = state.NewMessageId(), ["quoteToken"] = LineState.NewToken() }).ToList(),
        });
    }

    /// <summary>The message objects, or LINE's refusal of them.</summary>
    private IResult? Messages(JsonObject body, out IReadOnlyList<JsonObject> messages)
    {
        messages = [];
        if (body["messages"] is not JsonArray array || array.Count is 0 or > 5)
        {
            return LineError.Invalid("messages", "Size must be between 1 and 5");
        }

        var list = new List<JsonObject>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject message)
            {
                return LineError.Invalid($"messages[{i}]", "Must be an object");
            }

            if (Message(message, $"messages[{i}]") is { } invalid)
            {
                return invalid;
            }

            list.Add(message);
        }

        messages = list;
        return null;
    }

    private IResult? Message(JsonObject message, string where)
    {
        switch ((string?)message["type"])
        {
            case "text":
                if (message["text"] is not JsonValue text || !text.TryGetValue<string>(out var value) || value.Length is 0 or > 5000)
                {
                    return LineError.Invalid($"{where}.text", "Length must be between 1 and 5000");
                }

                break;
            case "image":
                foreach (var name in (string[])["originalContentUrl", "previewImageUrl"])
                {
                    if (message[name] is not JsonValue url || !url.TryGetValue<string>(out var link) || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                        || link.Length > 2000 || !(uri.Scheme == "https" || (uri.IsLoopback && uri.Scheme == "http") || (!state.Options.RequireHttpsUrls && uri.Scheme == "http")))
                    {
                        return LineError.Invalid($"{where}.{name}", "Must be a valid HTTPS URL");
                    }
                }

                break;
            default:
                return LineError.Invalid($"{where}.type", $"The message type '{(string?)message["type"]}' is not supported by this fake");
        }

        if (message["quickReply"] is { } quickReply)
        {
            if (quickReply["items"] is not JsonArray items || items.Count is 0 or > 13)
            {
                return LineError.Invalid($"{where}.quickReply.items", "Size must be between 1 and 13");
            }

            for (var i = 0; i < items.Count; i++)
            {
                var action = items[i]?["action"];
                var at = $"{where}.quickReply.items[{i}].action";
                if ((string?)items[i]?["type"] != "action" || action is null)
                {
                    return LineError.Invalid($"{where}.quickReply.items[{i}]", "Must be an action item");
                }

                if ((string?)action["label"] is not { Length: > 0 and <= 20 })
                {
                    return LineError.Invalid($"{at}.label", "Length must be between 1 and 20");
                }

                switch ((string?)action["type"])
                {
                    case "postback" when (string?)action["data"] is not { Length: > 0 and <= 300 }:
                        return LineError.Invalid($"{at}.data", "Length must be between 1 and 300");
                    case "postback" when action["displayText"] is { } display && (string?)display is not { Length: > 0 and <= 300 }:
                        return LineError.Invalid($"{at}.displayText", "Length must be between 1 and 300");
                    case "message" when (string?)action["text"] is not { Length: > 0 and <= 300 }:
                        return LineError.Invalid($"{at}.text", "Length must be between 1 and 300");
                    case "postback" or "message":
                        break;
                    default:
                        return LineError.Invalid($"{at}.type", "Must be postback or message in this fake");
                }
            }
        }

        return null;
    }

    private async Task<IResult> LoadingAsync(HttpRequest request)
    {
        if (Refuse(request, "loading") is { } refused)
        {
            return Record(request, refused);
        }

        var body = await BodyAsync(request);
        var chatId = (string?)body?["chatId"];
        var seconds = body?["loadingSeconds"] is JsonValue value && value.TryGetValue<int>(out var s) ? s : 20;
        lock (state.Sync)
        {
            if (chatId is null || !state.Users.ContainsKey(chatId))
            {
                return Record(request, LineError.Invalid("chatId", "Must be the user id of a one-to-one chat with the account"));
            }
        }

        if (seconds is < 5 or > 60 || seconds % 5 != 0)
        {
            return Record(request, LineError.Invalid("loadingSeconds", "Must be 5 to 60 in steps of 5"));
        }

        loadings.Add(new LineLoading(chatId, seconds, state.Options.TimeProvider.GetUtcNow()));
        return Record(request, Results.Accepted(value: new Dictionary<string, object>()));
    }

    private async Task<IResult> MarkAsReadAsync(HttpRequest request)
    {
        if (Refuse(request, "markAsRead") is { } refused)
        {
            return Record(request, refused);
        }

        var token = (string?)(await BodyAsync(request))?["markAsReadToken"];
        (string User, string MessageId) marked;
        lock (state.Sync)
        {
            if (token is null || !state.ReadTokens.TryGetValue(token, out marked))
            {
                return Record(request, LineError.Invalid("markAsReadToken", "Invalid markAsReadToken"));
            }
        }

        reads.Add(new LineRead(token, marked.User, marked.MessageId, state.Options.TimeProvider.GetUtcNow()));
        return Record(request, Results.Json(new Dictionary<string, object>()));
    }

    private IResult Info(HttpRequest request)
    {
        if (Refuse(request, "info") is { } refused)
        {
            return Record(request, refused);
        }

        return Record(request, Results.Json(new Dictionary<string, object>
        {
            ["userId"] = state.Options.BotUserId,
            ["basicId"] = state.Options.BasicId,
            ["displayName"] = state.Options.DisplayName,
            ["chatMode"] = "chat",
            ["markAsReadMode"] = "manual",
        }));
    }
}
