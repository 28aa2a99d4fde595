namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A message the bot sent and the fake accepted (sendMessage, sendPhoto or sendDocument), or edited later.</summary>
/// <param name="ChatId">The chat it went to.</param>
/// <param name="MessageId">The <c>message_id</c> the fake answered.</param>
/// <param name="Method">The Bot API method used.</param>
/// <param name="Text">The text (sendMessage) or caption (sendPhoto/sendDocument), as sent.</param>
/// <param name="ParseMode">The <c>parse_mode</c>, if any.</param>
/// <param name="Buttons">The inline keyboard's rows of buttons; empty when none.</param>
/// <param name="File">The photo or document, if any.</param>
/// <param name="SentAt">When the fake accepted it, on its clock.</param>
public sealed record TelegramSentMessage(
    long ChatId,
    long MessageId,
    string Method,
    string? Text,
    string? ParseMode,
    IReadOnlyList<IReadOnlyList<TelegramInlineButton>> Buttons,
    TelegramSentFile? File,
    DateTimeOffset SentAt)
{
    /// <summary>All buttons in keyboard order.</summary>
    public IEnumerable<TelegramInlineButton> AllButtons => Buttons.SelectMany(row => row);
}
