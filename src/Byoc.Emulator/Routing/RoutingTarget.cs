namespace Byoc.Emulator.Routing;

/// <summary>Where a channel sends new sessions: an agent (with its bot user and fallback queue) or a queue.</summary>
internal sealed record RoutingTarget(string? BotId, string? BotUserId, string? QueueId)
{
    public bool IsAgent => BotId is not null;
}
