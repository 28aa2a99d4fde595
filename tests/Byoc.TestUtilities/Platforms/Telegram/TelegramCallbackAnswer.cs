namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>An <c>answerCallbackQuery</c> the fake accepted.</summary>
/// <param name="CallbackQueryId">The tap answered.</param>
/// <param name="Text">The notification text, if any.</param>
/// <param name="ShowAlert">Whether it was shown as an alert.</param>
/// <param name="At">When, on the fake's clock.</param>
public sealed record TelegramCallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);
