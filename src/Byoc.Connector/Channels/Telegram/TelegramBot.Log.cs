namespace Byoc.Connector.Channels.Telegram;

internal sealed partial class TelegramBot
{
    private static partial class Log
    {
        [LoggerMessage(1300, LogLevel.Debug, "A Bot API call {Method} of Telegram channel {Channel} failed ({ErrorCode}): {Error}", EventName = "TelegramCallFailed")]
        public static partial void CallFailed(ILogger logger, string channel, string method, int errorCode, string error);
    }
}
