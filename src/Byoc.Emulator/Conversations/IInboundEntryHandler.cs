namespace Byoc.Emulator.Conversations;

/// <summary>
/// Reacts to end-user entries (Omni-Channel routing, the agent, the rep console). The Interaction Service API calls every
/// registered handler after the entry's records commit, in order per conversation, off the request path: the 202 to the
/// partner never waits for a handler, as on a real org.
/// </summary>
internal interface IInboundEntryHandler
{
    ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken);
}
