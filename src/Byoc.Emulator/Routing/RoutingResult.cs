using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Routing;

/// <summary>The outcome of a transition with the session as it is afterwards and the previous status.</summary>
internal sealed record RoutingResult(RoutingStatus Status, SObjectRecord? Session = null, string? PreviousStatus = null, string? QueueId = null)
{
    public bool Succeeded => Status == RoutingStatus.Done;
}
