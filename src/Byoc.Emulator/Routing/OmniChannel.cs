using Byoc.Emulator.Org.Records;
using Microsoft.Extensions.Options;
using static Byoc.Emulator.Routing.OrgRouting;

namespace Byoc.Emulator.Routing;

/// <summary>
/// The Omni-Channel state machine of the emulated org. Every transition is one atomic <see cref="OrgStore.Write{T}"/> that
/// checks its precondition against the committed records and changes nothing when it fails, so concurrent callers (two
/// reps accepting, a rep ending while the agent escalates) get exactly one winner. The record values follow
/// org-emulation.md §6; the choices that are not confirmed against a real org are listed in Routing/ROUTING.md.
/// </summary>
internal sealed partial class OmniChannel(OrgStore store, IOptions<RoutingOptions> options)
{
    public OrgStore Store => store;

    /// <summary>Who handles the session now.</summary>
    public SessionOwner OwnerOf(string sessionId) => store.Write(w => OrgRouting.OwnerOf(w, sessionId));

    /// <summary>
    /// Routes the session if it is not handled yet (a new session) or re-opens it (Inactive → Waiting) and routes it again.
    /// Sessions that were with a human go back to the queue, never to the agent. Returns the session afterwards, with
    /// <see cref="RoutingResult.PreviousStatus"/> set when this call routed it.
    /// </summary>
    public RoutingResult RouteIfNeeded(string sessionId) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        if (session is null)
        {
            return new RoutingResult(RoutingStatus.NotFound);
        }

        var status = session.GetString("Status");
        if (status == "Ended")
        {
            return new RoutingResult(RoutingStatus.AlreadyEnded, session);
        }

        if (status != "Inactive" && OrgRouting.OwnerOf(w, sessionId).Kind != SessionOwnerKind.None)
        {
            return new RoutingResult(RoutingStatus.Done, session);
        }

        var channel = session.GetString("MessagingChannelId") is { } channelId ? w.Get(channelId) : null;
        var target = channel is null ? null : ResolveTarget(w, channel);
        if (target is null)
        {
            return new RoutingResult(RoutingStatus.NoEscalationPath, session);
        }

        // A re-opened session keeps its history: once escalated or with a rep it goes to the queue (ROUTING.md 13).
        var escalated = WasWithHuman(w, session);
        var previous = status ?? "New";
        if (target.IsAgent && !escalated)
        {
            return new RoutingResult(RoutingStatus.Done, RouteToAgent(w, session, target), previous);
        }

        if (target.QueueId is null)
        {
            return new RoutingResult(RoutingStatus.NoEscalationPath, session);
        }

        var agentType = escalated ? session.GetString("AgentType") : "Agent";
        return new RoutingResult(RoutingStatus.Done, RouteToQueue(w, session, target.QueueId, agentType, isTransfer: false), previous, target.QueueId);
    });

    /// <summary>
    /// The agent hands the session to its fallback queue: bot AgentWork closed, a new PSR for the queue, the session
    /// Waiting, owned by the queue, AgentType BotToAgent. Fails with NotOwner when the agent no longer has it.
    /// </summary>
    public RoutingResult Escalate(string sessionId, string botId) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        var work = OpenWork(w, sessionId).FirstOrDefault(x => x.GetString("BotId") == botId);
        if (session is null || work is null)
        {
            return new RoutingResult(session is null ? RoutingStatus.NotFound : RoutingStatus.NotOwner, session);
        }

        var channel = w.Get(session.GetString("MessagingChannelId")!);
        var queue = channel is null ? null : ValidQueue(w, channel.GetString("FallbackQueueId"));
        if (queue is null)
        {
            return new RoutingResult(RoutingStatus.NoEscalationPath, session);
        }

        w.Update(work.Id, Fields(("Status", "Closed"), ("CloseDateTime", w.Now)));
        LeaveAll(w, session);
        var previous = session.GetString("Status");
        return new RoutingResult(RoutingStatus.Done, RouteToQueue(w, session, queue, "BotToAgent", isTransfer: false), previous, queue);
    });

    /// <summary>Customer inactivity: an Active session without entries for the timeout becomes Inactive; its work closes.</summary>
    public RoutingResult MarkInactive(string sessionId, DateTimeOffset lastActivityBefore) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        if (session?.GetString("Status") != "Active")
        {
            return new RoutingResult(RoutingStatus.NotFound, session);
        }

        var last = LastActivity(w, session);
        if (last >= lastActivityBefore)
        {
            return new RoutingResult(RoutingStatus.NotOwner, session);
        }

        CloseOpenWork(w, sessionId);
        LeaveAll(w, session);
        return new RoutingResult(RoutingStatus.Done, w.Update(sessionId, Fields(("Status", "Inactive"))), "Active");
    });

    /// <summary>The time of the session's latest transcript entry, or when it was accepted or started.</summary>
    public static DateTimeOffset LastActivity(OrgWriter writer, SObjectRecord session)
    {
        var latest = session.GetDateTime("AcceptTime") ?? session.GetDateTime("StartTime") ?? session.GetDateTime("CreatedDate")!.Value;
        foreach (var entry in writer.Lookup("ConversationEntry", "ConversationId", session.Id))
        {
            if ((entry.GetDateTime("EntryTime") ?? entry.GetDateTime("CreatedDate")) is { } time && time > latest)
            {
                latest = time;
            }
        }

        return latest;
    }

    private static SObjectRecord RouteToAgent(OrgWriter w, SObjectRecord session, RoutingTarget target)
    {
        var serviceChannel = MessagingServiceChannel(w);
        var psr = w.Insert("PendingServiceRouting", Fields(
            ("WorkItemId", session.Id), ("ServiceChannelId", serviceChannel), ("RoutingType", "QueueBased"),
            ("RoutingModel", "MostAvailable"), ("RoutingPriority", 1L), ("IsReadyForRouting", true), ("BotId", target.BotId),
            ("BotType", "ExternalCopilot"), ("CapacityWeight", 1d), ("OwnerId", target.BotUserId)));
        w.Insert("AgentWork", Fields(
            ("WorkItemId", session.Id), ("UserId", target.BotUserId), ("OwnerId", target.BotUserId), ("ServiceChannelId", serviceChannel),
            ("Status", "Opened"), ("RoutingType", "QueueBased"), ("RoutingModel", "MostAvailable"), ("RoutingPriority", 1L),
            ("PendingServiceRoutingId", psr.Id), ("BotId", target.BotId), ("BotType", "ExternalCopilot"), ("CapacityWeight", 1d),
            ("RequestDateTime", w.Now), ("AssignedDateTime", w.Now), ("AcceptDateTime", w.Now)));
        w.Delete(psr.Id);
        Join(w, session, "Chatbot", "chatbot", target.BotId);
        return w.Update(session.Id, Fields(
            ("Status", "Active"), ("AgentType", "Bot"), ("OwnerId", target.BotUserId ?? session.GetString("OwnerId")),
            ("StartTime", session.GetDateTime("StartTime") ?? w.Now), ("Origin", session.GetString("Origin") ?? "InboundInitiated")));
    }

    private static SObjectRecord RouteToQueue(OrgWriter w, SObjectRecord session, string queueId, string? agentType, bool isTransfer)
    {
        w.Insert("PendingServiceRouting", Fields(
            ("WorkItemId", session.Id), ("ServiceChannelId", MessagingServiceChannel(w)), ("GroupId", queueId),
            ("RoutingType", "QueueBased"), ("RoutingModel", "MostAvailable"), ("RoutingPriority", 1L), ("IsReadyForRouting", true),
            ("IsTransfer", isTransfer), ("CapacityWeight", 1d), ("OwnerId", queueId), ("CustomRequestedDateTime", w.Now)));
        return w.Update(session.Id, Fields(
            ("Status", "Waiting"), ("AgentType", agentType ?? "Agent"), ("OwnerId", queueId),
            ("StartTime", session.GetDateTime("StartTime") ?? w.Now), ("Origin", session.GetString("Origin") ?? "InboundInitiated")));
    }

    private static void CloseOpenWork(OrgWriter w, string sessionId)
    {
        foreach (var work in OpenWork(w, sessionId).ToList())
        {
            w.Update(work.Id, Fields(("Status", "Closed"), ("CloseDateTime", w.Now)));
        }

        if (PendingRouting(w, sessionId) is { } psr)
        {
            w.Delete(psr.Id);
        }
    }
}
