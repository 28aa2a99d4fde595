namespace Byoc.Connector.Channels.WebChat;

internal static partial class WebChatEventStream
{
    private static partial class Log
    {
        [LoggerMessage(700, LogLevel.Debug, "Web chat stream opened on {Channel} after sequence {After}.", EventName = "WebChatStreamOpened")]
        public static partial void StreamOpened(ILogger logger, string channel, long after);

        [LoggerMessage(701, LogLevel.Debug, "Web chat stream closed on {Channel} at sequence {After}.", EventName = "WebChatStreamClosed")]
        public static partial void StreamClosed(ILogger logger, string channel, long after);
    }
}
