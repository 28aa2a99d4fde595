namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A <c>sendChatAction</c> the fake accepted.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Action">The action, for example <c>typing</c>.</param>
/// <param name="At">When, on the fake's clock; Telegram shows it for 5 seconds or until the bot's next message.</param>
public sealed record TelegramChatAction(long ChatId, string Action, DateTimeOffset At);
