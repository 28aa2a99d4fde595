namespace Byoc.Emulator.Interactions;

internal sealed partial class InboundDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, EventName = "InboundHandlerFailed", Level = LogLevel.Error,
            Message = "Inbound entry handler {Handler} failed for {EntryType} entry {EntryIdentifier}")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string entryType, string entryIdentifier);

        [LoggerMessage(EventId = 1201, EventName = "InboundEntryRecovered", Level = LogLevel.Information,
            Message = "Dispatching again {EntryType} entry {EntryIdentifier} of conversation {ConversationIdentifier}, accepted but not handled before the last stop")]
        public static partial void Recovered(ILogger logger, string entryType, string entryIdentifier, string conversationIdentifier);

        [LoggerMessage(EventId = 1202, EventName = "InboundEntryAlreadyAnswered", Level = LogLevel.Information,
            Message = "Not dispatching {EntryType} entry {EntryIdentifier} again: its answer was published before the last stop")]
        public static partial void AlreadyAnswered(ILogger logger, string entryType, string entryIdentifier);
    }
}
