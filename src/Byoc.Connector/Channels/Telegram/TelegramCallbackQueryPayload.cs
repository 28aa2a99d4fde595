namespace Byoc.Connector.Channels.Telegram;

/// <summary>A Bot API <c>CallbackQuery</c>: a tap on an inline keyboard button, to be answered with <c>answerCallbackQuery</c>.</summary>
internal sealed record TelegramCallbackQueryPayload
{
    public string? Id { get; init; }

    public TelegramUserPayload? From { get; init; }

    /// <summary>The bot's message the keyboard was on (may be inaccessible: then only its chat, id and a date of 0).</summary>
    public TelegramMessagePayload? Message { get; init; }

    /// <summary>The button's <c>callback_data</c>; absent for a game button.</summary>
    public string? Data { get; init; }
}
