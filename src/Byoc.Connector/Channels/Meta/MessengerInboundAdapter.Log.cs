namespace Byoc.Connector.Channels.Meta;

internal sealed partial class MessengerInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1520, LogLevel.Debug, "Messenger channel {Channel} ignored {What}.", EventName = "MessengerEventIgnored")]
        public static partial void EventIgnored(ILogger logger, string channel, string what);
    }
}
