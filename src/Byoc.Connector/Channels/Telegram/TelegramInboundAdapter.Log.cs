namespace Byoc.Connector.Channels.Telegram;

internal sealed partial class TelegramInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1310, LogLevel.Debug, "Telegram channel {Channel} ignored {What}.", EventName = "TelegramUpdateIgnored")]
        public static partial void UpdateIgnored(ILogger logger, string channel, string what);
    }
}
