using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>sendMessage, editMessageText and editMessageReplyMarkup, with the Bot API's checks and answers.</summary>
internal sealed partial class TelegramBotApi
{
    // sendMessage: text "1-4096 characters after entities parsing"; captions 0-1024 (sendPhoto, sendDocument).
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;

    // InlineKeyboardButton: callback_data "1-64 bytes".
    private const int MaxCallbackDataBytes = 64;

    private TelegramAnswer SendMessage(TelegramParameters parameters)
    {
        if (ReadTextOptions(parameters, "text", MaxTextLength, required: true) is { } textProblem)
        {
            return textProblem;
        }

        if (!TryReadReplyMarkup(parameters, out var markup, out var buttons, out var markupProblem))
        {
            return markupProblem!;
        }

        lock (state.Sync)
        {
            if (FindWritableChat(parameters, out var chat) is { } chatProblem)
            {
                return chatProblem;
            }

            if (TakeSendPermit(chat.Id) is { } throttled)
            {
                return throttled;
            }

            var now = options.TimeProvider.GetUtcNow();
            var messageId = TelegramState.NextMessageId(chat);
            var text = parameters.GetString("text")!;
            var result = TelegramJson.Message(messageId, TelegramJson.Bot(options), chat, now);
            result["text"] = text;
            if (markup is not null)
            {
                result["reply_markup"] = markup.DeepClone();
            }

            Record(new TelegramSentMessage(chat.Id, messageId, "sendMessage", text, parameters.GetString("parse_mode"), buttons, null, now));
            return TelegramAnswer.Ok(result);
        }
    }

    private TelegramAnswer EditMessage(TelegramParameters parameters, bool editText)
    {
        if (editText && ReadTextOptions(parameters, "text", MaxTextLength, required: true) is { } textProblem)
        {
            return textProblem;
        }

        if (!TryReadReplyMarkup(parameters, out var markup, out var buttons, out var markupProblem))
        {
            return markupProblem!;
        }

        lock (state.Sync)
        {
            if (FindWritableChat(parameters, out var chat) is { } chatProblem)
            {
                return chatProblem;
            }

            var messageId = parameters.GetLong("message_id");
            if (messageId is null || state.FindBotMessage(chat.Id, messageId.Value) is not { } original)
            {
                return TelegramAnswer.BadRequest("message to edit not found");
            }

            var edited = original with
            {
                Method = editText ? "editMessageText" : "editMessageReplyMarkup",
                Text = editText ? parameters.GetString("text") : original.Text,
                ParseMode = editText ? parameters.GetString("parse_mode") : original.ParseMode,
                Buttons = buttons,
                SentAt = options.TimeProvider.GetUtcNow(),
            };
            if (edited.Text == original.Text && edited.Buttons.SelectMany(row => row).SequenceEqual(original.AllButtons))
            {
                return TelegramAnswer.BadRequest("message is not modified: specified new message content and reply markup are "
                    + "exactly the same as a current content and reply markup of the message");
            }

            var result = TelegramJson.Message(messageId.Value, TelegramJson.Bot(options), chat, original.SentAt);
            result["edit_date"] = edited.SentAt.ToUnixTimeSeconds();
            result[original.File is null ? "text" : "caption"] = edited.Text;
            if (markup is not null)
            {
                result["reply_markup"] = markup.DeepClone();
            }

            Record(edited);
            return TelegramAnswer.Ok(result);
        }
    }

    private void Record(TelegramSentMessage message)
    {
        state.RememberBotMessage(message);
        recordings.Messages.Add(message);
    }

    /// <summary>Finds the chat a send names; callers hold <see cref="TelegramState.Sync"/>.</summary>
    private TelegramAnswer? FindWritableChat(TelegramParameters parameters, out TelegramChat chat)
    {
        var chatId = parameters.GetString("chat_id");
        chat = null!;
        if (string.IsNullOrEmpty(chatId))
        {
            return TelegramAnswer.BadRequest("chat_id is empty");
        }

        if (state.FindChat(chatId) is not { } found)
        {
            return TelegramAnswer.BadRequest("chat not found");
        }

        chat = found;
        return found.BotBlocked ? TelegramAnswer.Error(403, "Forbidden: bot was blocked by the user") : null;
    }

    private static TelegramAnswer? ReadTextOptions(TelegramParameters parameters, string name, int maxLength, bool required)
    {
        var parseMode = parameters.GetString("parse_mode");
        if (!string.IsNullOrEmpty(parseMode) && parseMode.ToUpperInvariant() is not ("HTML" or "MARKDOWN" or "MARKDOWNV2"))
        {
            return TelegramAnswer.BadRequest("unsupported parse_mode");
        }

        var text = parameters.GetString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? TelegramAnswer.BadRequest("message text is empty") : null;
        }

        return VisibleLength(text, parseMode) > maxLength
            ? TelegramAnswer.BadRequest(name == "caption" ? "message caption is too long" : "message is too long")
            : null;
    }

    /// <summary>
    /// The length Telegram limits, in UTF-16 code units as its entity offsets count, after the markup is parsed away.
    /// An approximation: HTML tags and entities, and Markdown marker characters and escapes, are removed; malformed
    /// markup is not rejected here.
    /// </summary>
    private static int VisibleLength(string text, string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        "HTML" => WebUtility.HtmlDecode(HtmlTag().Replace(text, "")).Length,
        "MARKDOWN" or "MARKDOWNV2" => MarkdownMarkup().Replace(text, match => match.Value.Length == 2 ? match.Value[1..] : "").Length,
        _ => text.Length,
    };

    private static bool TryReadReplyMarkup(
        TelegramParameters parameters,
        out JsonNode? markup,
        out IReadOnlyList<IReadOnlyList<TelegramInlineButton>> buttons,
        out TelegramAnswer? problem)
    {
        buttons = [];
        problem = null;
        try
        {
            markup = parameters.GetJson("reply_markup");
        }
        catch (JsonException)
        {
            markup = null;
            problem = TelegramAnswer.BadRequest("can't parse reply keyboard markup JSON object");
            return false;
        }

        if (markup is null)
        {
            return true;
        }

        if (markup is not JsonObject json)
        {
            problem = TelegramAnswer.BadRequest("can't parse reply keyboard markup JSON object");
            return false;
        }

        if (!json.TryGetPropertyValue("inline_keyboard", out var keyboard))
        {
            return true;
        }

        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
        {
            problem = TelegramAnswer.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            return false;
        }

        var parsed = new List<IReadOnlyList<TelegramInlineButton>>();
        foreach (var row in rows.Cast<JsonArray>())
        {
            var parsedRow = new List<TelegramInlineButton>();
            foreach (var item in row)
            {
                if (ReadButton(item, out var button) is { } buttonProblem)
                {
                    problem = buttonProblem;
                    return false;
                }

                parsedRow.Add(button);
            }

            parsed.Add(parsedRow);
        }

        buttons = parsed;
        return true;
    }

    private static TelegramAnswer? ReadButton(JsonNode? item, out TelegramInlineButton button)
    {
        button = null!;
        if (item is not JsonObject json || json["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return TelegramAnswer.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        }

        var callbackData = json["callback_data"]?.GetValue<string>();
        var url = json["url"]?.GetValue<string>();
        if (callbackData is not null && Encoding.UTF8.GetByteCount(callbackData) is 0 or > MaxCallbackDataBytes)
        {
            return TelegramAnswer.BadRequest("BUTTON_DATA_INVALID");
        }

        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https" or "tg")))
        {
            return TelegramAnswer.BadRequest("BUTTON_URL_INVALID");
        }

        var hasOtherAction = json.Select(property => property.Key)
            .Any(key => key is not ("text" or "callback_data" or "url"));
        if (callbackData is null && url is null && !hasOtherAction)
        {
            return TelegramAnswer.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        button = new TelegramInlineButton(text, callbackData, url);
        return null;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\\.|[*_~`|\[\]]")]
    private static partial Regex MarkdownMarkup();
}
