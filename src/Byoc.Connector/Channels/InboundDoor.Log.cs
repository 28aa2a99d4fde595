namespace Byoc.Connector.Channels;

internal sealed partial class InboundDoor
{
    private static partial class Log
    {
        [LoggerMessage(500, LogLevel.Debug, "A request to {Channel} was refused with {StatusCode} ({Title}).", EventName = "InboundRefused")]
        public static partial void Refused(ILogger logger, string channel, int statusCode, string title);

        [LoggerMessage(501, LogLevel.Warning, "An item of a request to {Channel} was skipped and the rest stored: {Reason}", EventName = "InboundItemSkipped")]
        public static partial void ItemSkipped(ILogger logger, string channel, string reason);

        [LoggerMessage(502, LogLevel.Warning, "A step after storing a request to {Channel} failed; the messages stay stored.", EventName = "InboundAfterCommitFailed")]
        public static partial void AfterCommitFailed(ILogger logger, string channel, Exception exception);
    }
}
