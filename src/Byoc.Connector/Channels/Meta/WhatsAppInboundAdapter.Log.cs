namespace Byoc.Connector.Channels.Meta;

internal sealed partial class WhatsAppInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1510, LogLevel.Debug, "WhatsApp channel {Channel} ignored {What}.", EventName = "WhatsAppMessageIgnored")]
        public static partial void MessageIgnored(ILogger logger, string channel, string what);
    }
}
