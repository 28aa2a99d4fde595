namespace Byoc.Connector.Channels.Telegram;

/// <summary>What Telegram says about a bot and its webhook (getMe, getWebhookInfo), for <c>byoc doctor</c>.</summary>
/// <param name="BotUsername">The bot's @username when the token was accepted; null when it was not.</param>
/// <param name="TokenError">Why getMe failed (an invalid token is 401 Unauthorized), or null.</param>
/// <param name="WebhookUrl">The webhook URL Telegram has, empty when none is set; null when it could not be read.</param>
/// <param name="PendingUpdates">Updates Telegram holds for the webhook.</param>
/// <param name="LastErrorMessage">Telegram's last error delivering to the webhook, or null.</param>
/// <param name="LastErrorDate">When that error happened.</param>
internal sealed record TelegramWebhookReport(
    string? BotUsername,
    string? TokenError,
    string? WebhookUrl,
    int PendingUpdates,
    string? LastErrorMessage,
    DateTimeOffset? LastErrorDate)
{
    /// <summary>Whether Telegram delivers to <paramref name="expected"/>.</summary>
    public bool PointsAt(Uri expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var actual) && Uri.Compare(actual, expected, UriComponents.AbsoluteUri,
            UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
    }
}
