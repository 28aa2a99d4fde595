using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Reads the Omni-Channel picture of the org inside one atomic write: where a channel routes, which queue is valid, the
/// open work of a session and who owns it. Everything is found from records, never from seeded names.
/// </summary>
internal static class OrgRouting
{
    public const string SessionObject = "MessagingSession";

    /// <summary>The channel's target (org-emulation.md §5.1): the agent when SessionHandlerId is a BotDefinition with an
    /// active BotVersion, the queue when it is a queue, else the fallback queue; null when nothing valid is configured.</summary>
    public static RoutingTarget? ResolveTarget(OrgWriter writer, SObjectRecord channel)
    {
        var fallback = ValidQueue(writer, channel.GetString("FallbackQueueId"));
        var handler = channel.GetString("SessionHandlerId") is { } handlerId ? writer.Get(handlerId) : null;
        if (handler?.ObjectName == "BotDefinition" && HasActiveVersion(writer, handler.Id))
        {
            return new RoutingTarget(handler.Id, handler.GetString("BotUserId"), fallback);
        }

        if (handler?.ObjectName == "Group" && ValidQueue(writer, handler.Id) is { } queue)
        {
            return new RoutingTarget(null, null, queue);
        }

        return fallback is null ? null : new RoutingTarget(null, null, fallback);
    }

    public static bool HasActiveVersion(OrgWriter writer, string botId) =>
        writer.Lookup("BotVersion", "BotDefinitionId", botId).Any(v => v.GetString("Status") == "Active");

    /// <summary>The id when it names a queue (Group Type Queue) that takes MessagingSession (a QueueSobject row).</summary>
    public static string? ValidQueue(OrgWriter writer, string? groupId)
    {
        if (groupId is null || writer.Get(groupId) is not { ObjectName: "Group" } group || group.GetString("Type") != "Queue")
        {
            return null;
        }

        return writer.Lookup("QueueSobject", "QueueId", group.Id).Any(q => q.GetString("SobjectType") == SessionObject) ? group.Id : null;
    }

    /// <summary>The service channel whose RelatedEntity is MessagingSession (sfdc_livemessage in a standard org).</summary>
    public static string? MessagingServiceChannel(OrgWriter writer) =>
        writer.Lookup("ServiceChannel", "RelatedEntity", SessionObject) is [var first, ..] ? first.Id : null;

    public static IEnumerable<SObjectRecord> OpenWork(OrgWriter writer, string sessionId) =>
        writer.Lookup("AgentWork", "WorkItemId", sessionId).Where(w => w.GetString("Status") is "Opened" or "Assigned");

    public static SObjectRecord? PendingRouting(OrgWriter writer, string sessionId) =>
        writer.Lookup("PendingServiceRouting", "WorkItemId", sessionId) is [var first, ..] ? first : null;

    /// <summary>Who handles the session, from its status, open AgentWork and pending routing.</summary>
    public static SessionOwner OwnerOf(OrgWriter writer, string sessionId)
    {
        var session = writer.Get(sessionId);
        if (session is null)
        {
            return SessionOwner.None;
        }

        if (session.GetString("Status") == "Ended")
        {
            return new SessionOwner(SessionOwnerKind.Ended);
        }

        if (OpenWork(writer, sessionId).FirstOrDefault() is { } work)
        {
            return work.GetString("BotId") is { } botId
                ? new SessionOwner(SessionOwnerKind.Agent, botId)
                : new SessionOwner(SessionOwnerKind.Rep, work.GetString("UserId"));
        }

        return PendingRouting(writer, sessionId) is { } psr
            ? psr.GetString("BotId") is { } bot ? new SessionOwner(SessionOwnerKind.Agent, bot) : new SessionOwner(SessionOwnerKind.Queue, psr.GetString("GroupId"))
            : SessionOwner.None;
    }

    /// <summary>
    /// Whether the session was escalated or has been with a rep (it never goes back to the agent). Decided from AgentType
    /// BotToAgent or a rep AgentWork row, not from AgentType Agent alone, which is also the picklist's default.
    /// </summary>
    public static bool WasWithHuman(OrgWriter writer, SObjectRecord session) =>
        session.GetString("AgentType") == "BotToAgent" ||
        writer.Lookup("AgentWork", "WorkItemId", session.Id).Any(w => w.GetString("BotId") is null);

    public static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase);
}
