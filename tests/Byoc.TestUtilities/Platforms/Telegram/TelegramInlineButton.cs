namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>One button of an inline keyboard the bot sent.</summary>
/// <param name="Text">The label.</param>
/// <param name="CallbackData">The data sent back in a <c>callback_query</c> when tapped, if a callback button.</param>
/// <param name="Url">The link opened when tapped, if a URL button.</param>
public sealed record TelegramInlineButton(string Text, string? CallbackData, string? Url);
