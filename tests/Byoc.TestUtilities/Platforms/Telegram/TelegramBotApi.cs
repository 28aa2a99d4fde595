using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>
/// The fake Bot API: <c>/bot&lt;token&gt;/&lt;method&gt;</c> (GET or POST, method names case-insensitive, as "Making
/// requests" says) and the file download <c>/file/bot&lt;token&gt;/&lt;file_path&gt;</c>. A wrong token is 401
/// Unauthorized; an unknown method 404 Not Found; every answer is the Bot API's <c>{ok, ...}</c> envelope.
/// </summary>
internal sealed partial class TelegramBotApi(
    TelegramState state,
    TelegramWebhookSender sender,
    FakeTelegramOptions options,
    PlatformFaults faults,
    TelegramRecordings recordings,
    HttpClient fetcher)
{
    private readonly RateLimiter? _perChat = options.PerChatLimit is { } perChat ? new RateLimiter(perChat, options.TimeProvider) : null;
    private readonly RateLimiter? _global = options.GlobalLimit is { } global ? new RateLimiter(global, options.TimeProvider) : null;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        // A whole segment, not the pattern "bot{token}": routing finds a segment's literal case-insensitively from the right,
        // so a token with "bot" in it ("AAFakeBotToken…") would not match that pattern at all.
        endpoints.MapMethods("/{bot}/{method}", ["GET", "POST"], HandleAsync);
        endpoints.MapGet("/file/{bot}/{**filePath}", DownloadFile);
    }

    private async Task<IResult> HandleAsync(HttpContext context, string bot, string method)
    {
        if (!TokenMatches(bot))
        {
            return Write(TelegramAnswer.Unauthorized());
        }

        if (faults.TryTake(method, out var fault))
        {
            return Write(TelegramAnswer.FromFault(fault));
        }

        var parameters = await TelegramParameters.ReadAsync(context.Request, context.RequestAborted);
        if (parameters is null)
        {
            return Write(TelegramAnswer.BadRequest("can't parse JSON object"));
        }

        var ct = context.RequestAborted;
        var answer = method.ToUpperInvariant() switch
        {
            "GETME" => TelegramAnswer.Ok(TelegramJson.Bot(options).Also(bot =>
            {
                bot["can_join_groups"] = true;
                bot["can_read_all_group_messages"] = false;
                bot["supports_inline_queries"] = false;
            })),
            "SETWEBHOOK" => SetWebhook(parameters),
            "DELETEWEBHOOK" => DeleteWebhook(parameters),
            "GETWEBHOOKINFO" => GetWebhookInfo(),
            "GETUPDATES" => GetUpdates(),
            "SENDMESSAGE" => SendMessage(parameters),
            "SENDPHOTO" => await SendFileAsync(parameters, isPhoto: true, ct),
            "SENDDOCUMENT" => await SendFileAsync(parameters, isPhoto: false, ct),
            "EDITMESSAGETEXT" => EditMessage(parameters, editText: true),
            "EDITMESSAGEREPLYMARKUP" => EditMessage(parameters, editText: false),
            "SENDCHATACTION" => SendChatAction(parameters),
            "ANSWERCALLBACKQUERY" => AnswerCallbackQuery(parameters),
            "GETFILE" => GetFile(parameters),
            _ => TelegramAnswer.NotFound(),
        };
        return Write(answer);
    }

    private IResult DownloadFile(string bot, string filePath)
    {
        if (!TokenMatches(bot))
        {
            return Write(TelegramAnswer.Unauthorized());
        }

        TelegramStoredFile? file;
        lock (state.Sync)
        {
            file = state.FindFileByPath(filePath);
        }

        return file is null
            ? Write(TelegramAnswer.NotFound())
            : TypedResults.Bytes(file.Content, file.MimeType ?? "application/octet-stream");
    }

    /// <summary>Whether the path segment is <c>bot&lt;token&gt;</c> with the fake's token.</summary>
    private bool TokenMatches(string segment) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(segment), Encoding.UTF8.GetBytes("bot" + options.Token));

    private static JsonHttpResult<JsonObject> Write(TelegramAnswer answer) => TypedResults.Json(answer.Body, statusCode: answer.StatusCode);

    /// <summary>Takes a send permit for the chat and for the bot; the Bot API answers flood control with 429 and retry_after.</summary>
    private TelegramAnswer? TakeSendPermit(long chatId)
    {
        if (_perChat is not null && !_perChat.TryAcquire("chat:" + chatId, out var chatWait))
        {
            return TelegramAnswer.TooManyRequests(chatWait);
        }

        return _global is not null && !_global.TryAcquire("bot", out var globalWait) ? TelegramAnswer.TooManyRequests(globalWait) : null;
    }

    // getUpdates and an outgoing webhook exclude each other (getUpdates, notes); the fake delivers by webhook only.
    private TelegramAnswer GetUpdates()
    {
        lock (state.Sync)
        {
            return state.Webhook is not null
                ? TelegramAnswer.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
                : TelegramAnswer.Ok(new JsonArray());
        }
    }
}
