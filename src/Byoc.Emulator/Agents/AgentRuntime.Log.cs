using Byoc.Emulator.Routing;

namespace Byoc.Emulator.Agents;

internal sealed partial class AgentRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, EventName = "AgentEscalated", Level = LogLevel.Information,
            Message = "The agent handed session {SessionId} to queue {QueueId}")]
        public static partial void Escalated(ILogger logger, string sessionId, string? queueId);

        [LoggerMessage(EventId = 4002, EventName = "AgentEscalationFailed", Level = LogLevel.Warning,
            Message = "The agent could not hand session {SessionId} over: {Status}")]
        public static partial void EscalationFailed(ILogger logger, string sessionId, RoutingStatus status);

        [LoggerMessage(EventId = 4003, EventName = "AgentReplyDropped", Level = LogLevel.Information,
            Message = "The agent no longer owns session {SessionId} (owner {Owner}); its reply is dropped")]
        public static partial void ReplyDropped(ILogger logger, string sessionId, SessionOwnerKind owner);
    }
}
