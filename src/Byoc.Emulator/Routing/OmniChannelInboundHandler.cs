using Byoc.Emulator.Agents;
using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Omni-Channel's reaction to an end-user entry: routes a new or re-opened session (agent, queue), then hands the
/// message to whoever owns the session. Messages for a queued session wait for the rep in the transcript; the agent
/// sees only messages of sessions it owns.
/// </summary>
internal sealed partial class OmniChannelInboundHandler(
    OmniChannel omniChannel,
    SessionGate gate,
    ConversationDirectory directory,
    RoutingAnnouncer announcer,
    AgentRuntime agents,
    InboundReceipts receipts,
    ILogger<OmniChannelInboundHandler> logger) : IInboundEntryHandler
{
    public async ValueTask HandleAsync(InboundEntry entry, CancellationToken cancellationToken)
    {
        var address = entry.Address;
        directory.Remember(address);
        if (entry.EntryType is not ("Message" or "AttachmentInteraction"))
        {
            return;
        }

        RoutingResult routed;
        SessionOwner owner;
        using (await gate.EnterAsync(address.MessagingSessionId, cancellationToken))
        {
            routed = omniChannel.RouteIfNeeded(address.MessagingSessionId);
            owner = omniChannel.OwnerOf(address.MessagingSessionId);
            if (routed.Succeeded && routed.PreviousStatus is not null)
            {
                Log.Routed(logger, address.MessagingSessionId, owner.Kind, owner.Id);
                if (owner.Kind == SessionOwnerKind.Agent)
                {
                    await announcer.AgentJoinedAsync(address, owner.Id!, routed, cancellationToken);
                }
                else
                {
                    await announcer.QueuedAsync(address, routed, cancellationToken);
                }
            }
            else if (!routed.Succeeded)
            {
                Log.NotRouted(logger, address.MessagingSessionId, routed.Status);
            }
        }

        switch (owner.Kind)
        {
            case SessionOwnerKind.Agent:
                await agents.HandleAsync(owner.Id!, entry, firstTurn: routed.PreviousStatus is not null, cancellationToken);
                break;
            case SessionOwnerKind.Rep:
                await receipts.ReceivedAsync(entry, EventSender.Rep(owner.Id!, announcer.DisplayName(owner.Id!)), cancellationToken);
                break;
            case SessionOwnerKind.Queue:
                await receipts.ReceivedAsync(entry, null, cancellationToken);
                break;
            default:
                break;
        }
    }
}
