namespace Byoc.Emulator.Events;

internal sealed partial class ConversationEventPublisher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, EventName = "ConversationEventPublished", Level = LogLevel.Debug,
            Message = "Published {EntryType} entry {Identifier} on {TopicName} with replay id {ReplayId}")]
        public static partial void Published(ILogger logger, string entryType, string identifier, string topicName, long replayId);
    }
}
