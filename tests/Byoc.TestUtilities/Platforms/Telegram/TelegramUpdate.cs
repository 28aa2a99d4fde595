namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>An update the fake queued for the bot's webhook.</summary>
/// <param name="UpdateId">Its <c>update_id</c>.</param>
/// <param name="Type">The update field set: <c>message</c> or <c>callback_query</c>.</param>
/// <param name="ChatId">The chat it belongs to.</param>
/// <param name="MessageId">The user's message id (for a message update) or the tapped message's id (for a tap).</param>
/// <param name="CallbackQueryId">For a tap: the id to pass to <c>answerCallbackQuery</c>.</param>
/// <param name="Json">The exact JSON the webhook receives.</param>
public sealed record TelegramUpdate(long UpdateId, string Type, long ChatId, long MessageId, string? CallbackQueryId, string Json);
