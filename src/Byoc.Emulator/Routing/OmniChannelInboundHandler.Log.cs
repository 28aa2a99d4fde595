namespace Byoc.Emulator.Routing;

internal sealed partial class OmniChannelInboundHandler
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, EventName = "SessionRouted", Level = LogLevel.Information,
            Message = "Session {SessionId} routed to {OwnerKind} {OwnerId}")]
        public static partial void Routed(ILogger logger, string sessionId, SessionOwnerKind ownerKind, string? ownerId);

        [LoggerMessage(EventId = 4202, EventName = "SessionNotRouted", Level = LogLevel.Warning,
            Message = "Session {SessionId} could not be routed: {Status}")]
        public static partial void NotRouted(ILogger logger, string sessionId, RoutingStatus status);
    }
}
