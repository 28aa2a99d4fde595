namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>Everything the fake Bot API records, shared by the API handlers and <see cref="FakeTelegram"/>.</summary>
internal sealed class TelegramRecordings
{
    public Recording<TelegramSentMessage> Messages { get; } = new();

    public Recording<TelegramChatAction> ChatActions { get; } = new();

    public Recording<TelegramCallbackAnswer> CallbackAnswers { get; } = new();

    public Recording<TelegramUpdate> Updates { get; } = new();

    public Recording<WebhookAttempt> WebhookAttempts { get; } = new();

    public Recording<TelegramUpdate> AbandonedUpdates { get; } = new();
}
