using Byoc.Emulator.Org.Records;
using static Byoc.Emulator.Routing.OrgRouting;

namespace Byoc.Emulator.Routing;

internal sealed partial class OmniChannel
{
    /// <summary>
    /// A rep accepts queued work: the PSR is deleted, a rep AgentWork is created Opened, and the session becomes Active,
    /// owned by the rep, with AcceptTime. Exactly one of several concurrent accepts wins; the others get AlreadyTaken.
    /// </summary>
    public RoutingResult Accept(string sessionId, string userId) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        if (session is null || session.ObjectName != SessionObject)
        {
            return new RoutingResult(RoutingStatus.NotFound);
        }

        var psr = PendingRouting(w, sessionId);
        if (psr?.GetString("GroupId") is not { } queueId)
        {
            return new RoutingResult(session.GetString("Status") == "Ended" ? RoutingStatus.AlreadyEnded : RoutingStatus.AlreadyTaken, session);
        }

        var presence = CurrentPresence(w, userId);
        if (presence is null || PresenceName(w, presence) != "Available")
        {
            return new RoutingResult(RoutingStatus.NotAvailable, session);
        }

        var capacity = presence.GetLong("ConfiguredCapacity") ?? options.Value.RepCapacity;
        if (OpenRepWork(w, userId).Count() >= capacity)
        {
            return new RoutingResult(RoutingStatus.AtCapacity, session);
        }

        w.Insert("AgentWork", Fields(
            ("WorkItemId", sessionId), ("UserId", userId), ("OwnerId", userId), ("ServiceChannelId", psr.GetString("ServiceChannelId")),
            ("Status", "Opened"), ("RoutingType", "QueueBased"), ("RoutingModel", psr.GetString("RoutingModel")),
            ("RoutingPriority", psr.GetLong("RoutingPriority")), ("OriginalQueueId", queueId), ("OriginalGroupId", queueId),
            ("PendingServiceRoutingId", psr.Id), ("CapacityWeight", 1d), ("RequestDateTime", psr.GetDateTime("CreatedDate")),
            ("AssignedDateTime", w.Now), ("AcceptDateTime", w.Now),
            ("SpeedToAnswer", (long)(w.Now - psr.GetDateTime("CreatedDate")!.Value).TotalSeconds)));
        w.Delete(psr.Id);
        Join(w, session, "Agent", "agent", userId);
        var agentType = session.GetString("AgentType") is "Bot" or "BotToAgent" ? "BotToAgent" : "Agent";
        var updated = w.Update(sessionId, Fields(("Status", "Active"), ("OwnerId", userId), ("AgentType", agentType), ("AcceptTime", w.Now)));
        return new RoutingResult(RoutingStatus.Done, updated, session.GetString("Status"), queueId);
    }, userId);

    /// <summary>The rep hands the session back to its queue: the rep AgentWork becomes Transferred and a new PSR waits.</summary>
    public RoutingResult Transfer(string sessionId, string userId) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        var work = OpenWork(w, sessionId).FirstOrDefault(x => x.GetString("UserId") == userId && x.GetString("BotId") is null);
        if (session is null || work is null)
        {
            return new RoutingResult(session is null ? RoutingStatus.NotFound : RoutingStatus.NotOwner, session);
        }

        var channel = w.Get(session.GetString("MessagingChannelId")!);
        var queue = ValidQueue(w, work.GetString("OriginalQueueId")) ?? (channel is null ? null : ResolveTarget(w, channel)?.QueueId);
        if (queue is null)
        {
            return new RoutingResult(RoutingStatus.NoEscalationPath, session);
        }

        w.Update(work.Id, Fields(("Status", "Transferred"), ("CloseDateTime", w.Now)));
        LeaveAll(w, session);
        return new RoutingResult(RoutingStatus.Done, RouteToQueue(w, session, queue, session.GetString("AgentType"), isTransfer: true), "Active", queue);
    }, userId);

    /// <summary>
    /// Ends the session (Status Ended, EndTime, EndedByType) and closes its work. A rep may end only a session they own
    /// (<paramref name="userId"/> given); the system or the agent pass null.
    /// </summary>
    public RoutingResult End(string sessionId, string endedByType, string? userId = null, string? botId = null) => store.Write(w =>
    {
        var session = w.Get(sessionId);
        if (session is null)
        {
            return new RoutingResult(RoutingStatus.NotFound);
        }

        if (session.GetString("Status") == "Ended")
        {
            return new RoutingResult(RoutingStatus.AlreadyEnded, session);
        }

        var open = OpenWork(w, sessionId).ToList();
        var owns = userId is null && botId is null
            || open.Any(x => (userId is not null && x.GetString("UserId") == userId && x.GetString("BotId") is null) ||
                             (botId is not null && x.GetString("BotId") == botId));
        if (!owns)
        {
            return new RoutingResult(RoutingStatus.NotOwner, session);
        }

        var previous = session.GetString("Status");
        CloseOpenWork(w, sessionId);
        LeaveAll(w, session);
        var ended = w.Update(sessionId, Fields(("Status", "Ended"), ("EndTime", w.Now), ("EndedByType", endedByType)));
        return new RoutingResult(RoutingStatus.Done, ended, previous);
    }, userId);

    /// <summary>Queued work: PSRs waiting in a queue, oldest first.</summary>
    public IReadOnlyList<SObjectRecord> QueuedWork() =>
        [.. store.Records("PendingServiceRouting").Where(p => p.GetString("GroupId") is not null)];

    /// <summary>The rep's open sessions (their Opened AgentWork).</summary>
    public IReadOnlyList<SObjectRecord> RepWork(string userId) => store.Write(w => OpenRepWork(w, userId).ToList());

    private static IEnumerable<SObjectRecord> OpenRepWork(OrgWriter w, string userId) =>
        w.Lookup("AgentWork", "UserId", userId).Where(x => x.GetString("BotId") is null && x.GetString("Status") is "Opened" or "Assigned");
}
