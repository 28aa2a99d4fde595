namespace Byoc.Emulator.Interactions;

internal sealed partial class InboundDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, EventName = "InboundHandlerFailed", Level = LogLevel.Error,
            Message = "Inbound entry handler {Handler} failed for {EntryType} entry {EntryIdentifier}")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string entryType, string entryIdentifier);
    }
}
