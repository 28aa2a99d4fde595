namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>sendChatAction and answerCallbackQuery.</summary>
internal sealed partial class TelegramBotApi
{
    // sendChatAction: the actions the reference lists.
    private static readonly string[] s_chatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    // answerCallbackQuery: text "0-200 characters".
    private const int MaxCallbackAnswerLength = 200;

    private TelegramAnswer SendChatAction(TelegramParameters parameters)
    {
        lock (state.Sync)
        {
            if (FindWritableChat(parameters, out var chat) is { } chatProblem)
            {
                return chatProblem;
            }

            var action = parameters.GetString("action");
            if (action is null || !s_chatActions.Contains(action, StringComparer.Ordinal))
            {
                return TelegramAnswer.BadRequest("wrong parameter action in request");
            }

            recordings.ChatActions.Add(new TelegramChatAction(chat.Id, action, options.TimeProvider.GetUtcNow()));
            return TelegramAnswer.Ok(true);
        }
    }

    private TelegramAnswer AnswerCallbackQuery(TelegramParameters parameters)
    {
        var id = parameters.GetString("callback_query_id");
        var text = parameters.GetString("text");
        if (text is { Length: > MaxCallbackAnswerLength })
        {
            return TelegramAnswer.BadRequest("MESSAGE_TOO_LONG");
        }

        var now = options.TimeProvider.GetUtcNow();
        lock (state.Sync)
        {
            if (string.IsNullOrEmpty(id) || !state.TryAnswerCallbackQuery(id, now))
            {
                return TelegramAnswer.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }
        }

        recordings.CallbackAnswers.Add(new TelegramCallbackAnswer(id, text, parameters.GetBool("show_alert"), now));
        return TelegramAnswer.Ok(true);
    }
}
