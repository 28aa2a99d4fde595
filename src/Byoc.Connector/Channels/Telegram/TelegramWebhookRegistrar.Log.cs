namespace Byoc.Connector.Channels.Telegram;

internal sealed partial class TelegramWebhookRegistrar
{
    private static partial class Log
    {
        [LoggerMessage(1320, LogLevel.Information, "Telegram channel {Channel}: the webhook is {Url}.", EventName = "TelegramWebhookSet")]
        public static partial void WebhookSet(ILogger logger, string channel, Uri url);

        [LoggerMessage(1321, LogLevel.Warning, "Telegram channel {Channel}: the webhook could not be set to {Url}: {Error} Run 'byoc channels telegram set-webhook' once it can.", EventName = "TelegramWebhookNotSet")]
        public static partial void WebhookNotSet(ILogger logger, string channel, Uri url, string error);
    }
}
