namespace Byoc.Emulator.PubSub;

internal sealed partial class PubSubService
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1400, EventName = "PubSubSubscribed", Level = LogLevel.Debug,
            Message = "Subscription to {TopicName} starts after replay id {ReplayId} with {NumRequested} requested")]
        public static partial void Subscribed(ILogger logger, string topicName, long replayId, int numRequested);

        [LoggerMessage(EventId = 1401, EventName = "PubSubIdleClosed", Level = LogLevel.Debug,
            Message = "Subscription to {TopicName} closed: no credit left and no new request within the idle timeout")]
        public static partial void IdleClosed(ILogger logger, string topicName);

        [LoggerMessage(EventId = 1402, EventName = "PubSubStreamDropped", Level = LogLevel.Information,
            Message = "Fault injection dropped the subscription to {TopicName} after {Delivered} events")]
        public static partial void StreamDropped(ILogger logger, string topicName, long delivered);
    }
}
