namespace Byoc.Connector.Channels.Line;

internal sealed partial class LineInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1750, LogLevel.Debug, "LINE channel {Channel} ignored {What}.", EventName = "LineEventIgnored")]
        public static partial void EventIgnored(ILogger logger, string channel, string what);
    }
}
