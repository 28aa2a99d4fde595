namespace Byoc.Connector.Pipeline;

internal sealed partial class OutboundEventHandler
{
    private static partial class Log
    {
        [LoggerMessage(410, LogLevel.Debug, "Event {EventId} ignored: {Reason}.", EventName = "OutboundEventIgnored")]
        public static partial void EventIgnored(ILogger logger, string eventId, string reason);

        [LoggerMessage(411, LogLevel.Information, "Event {EventId} repeats an entry already stored; dropped.", EventName = "OutboundEventDuplicate")]
        public static partial void DuplicateEntry(ILogger logger, string eventId);
    }
}
