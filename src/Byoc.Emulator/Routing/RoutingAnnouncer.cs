using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Tells the partner what routing did (interaction-service-api.md §6.4, §9): ParticipantChanged when the agent or a rep
/// joins or leaves, RoutingWorkResult where the channel definition supports it, and SessionStatusChanged when configured.
/// </summary>
internal sealed class RoutingAnnouncer(
    IConversationEvents events, ChannelSettings settings, OrgStore store, IOptions<RoutingOptions> options)
{
    public async ValueTask AgentJoinedAsync(ConversationAddress address, string botId, RoutingResult result, CancellationToken cancellationToken)
    {
        var name = DisplayName(botId);
        await StatusChangedAsync(address, result, null, cancellationToken);
        await ParticipantAsync(address, "add", EventSender.Agentforce(botId, name), cancellationToken);
        await WorkResultAsync(address, "Accepted", botId, null, botId, cancellationToken);
    }

    public async ValueTask QueuedAsync(ConversationAddress address, RoutingResult result, CancellationToken cancellationToken)
    {
        await StatusChangedAsync(address, result, null, cancellationToken);
        await WorkResultAsync(address, "Assigned", null, result.QueueId, null, cancellationToken);
    }

    public async ValueTask EscalatedAsync(ConversationAddress address, string botId, RoutingResult result, CancellationToken cancellationToken)
    {
        await ParticipantAsync(address, "remove", EventSender.Agentforce(botId, DisplayName(botId)), cancellationToken);
        await WorkResultAsync(address, "Transferred", null, result.QueueId, botId, cancellationToken);
        await StatusChangedAsync(address, result, null, cancellationToken);
    }

    public async ValueTask RepJoinedAsync(ConversationAddress address, string userId, RoutingResult result, CancellationToken cancellationToken)
    {
        await StatusChangedAsync(address, result, null, cancellationToken);
        await ParticipantAsync(address, "add", EventSender.Rep(userId, DisplayName(userId)), cancellationToken);
        await WorkResultAsync(address, "Accepted", userId, result.QueueId, null, cancellationToken);
    }

    public async ValueTask RepLeftAsync(ConversationAddress address, string userId, RoutingResult result, string workType, CancellationToken cancellationToken)
    {
        await ParticipantAsync(address, "remove", EventSender.Rep(userId, DisplayName(userId)), cancellationToken);
        await WorkResultAsync(address, workType, userId, result.QueueId, null, cancellationToken);
        await StatusChangedAsync(address, result, result.Session?.GetString("Status") == "Ended" ? "Agent" : null, cancellationToken);
    }

    /// <summary>The agent or rep that owned the session left (inactivity).</summary>
    public async ValueTask LeftAsync(ConversationAddress address, SessionOwner owner, CancellationToken cancellationToken)
    {
        if (owner is { Kind: SessionOwnerKind.Agent or SessionOwnerKind.Rep, Id: { } id })
        {
            var who = owner.Kind == SessionOwnerKind.Agent ? EventSender.Agentforce(id, DisplayName(id)) : EventSender.Rep(id, DisplayName(id));
            await ParticipantAsync(address, "remove", who, cancellationToken);
        }
    }

    public async ValueTask StatusChangedAsync(ConversationAddress address, RoutingResult result, string? endedByRole, CancellationToken cancellationToken)
    {
        var session = result.Session;
        var status = session?.GetString("Status");
        if (!options.Value.PublishSessionStatusChanged || session is null || status is null || result.PreviousStatus == status)
        {
            return;
        }

        await events.PublishAsync(new SessionStatusChangedEvent(
            address, EventSender.System(), status, result.PreviousStatus ?? "New",
            session.GetDateTime("StartTime") ?? session.GetDateTime("CreatedDate")!.Value, session.GetDateTime("EndTime"),
            endedByRole ?? (status == "Ended" ? session.GetString("EndedByType") : null)), cancellationToken);
    }

    /// <summary>The display name of a BotDefinition (MasterLabel) or User (Name).</summary>
    public string DisplayName(string id) => store.Get(id) is { } record
        ? record.GetString("MasterLabel") ?? record.GetString("Name") ?? record.GetString("DeveloperName") ?? id
        : id;

    private ValueTask<string> ParticipantAsync(ConversationAddress address, string operation, EventSender who, CancellationToken cancellationToken) =>
        events.PublishAsync(new ParticipantChangedEvent(
            address, EventSender.System(), [new ParticipantChange(operation, who.AppType, who.Subject, who.Role, who.DisplayName)]), cancellationToken);

    private async ValueTask WorkResultAsync(
        ConversationAddress address, string workType, string? target, string? queueId, string? botId, CancellationToken cancellationToken)
    {
        if (!settings.RoutingWorkResults(address.MessagingChannelId))
        {
            return;
        }

        var work = store.Lookup("AgentWork", "WorkItemId", address.MessagingSessionId) is [.., var lastWork] ? lastWork : null;
        var psr = store.Lookup("PendingServiceRouting", "WorkItemId", address.MessagingSessionId) is [.., var lastPsr] ? lastPsr : null;
        var workId = workType == "Assigned" ? psr?.Id ?? address.MessagingSessionId : work?.Id ?? address.MessagingSessionId;
        await events.PublishAsync(new RoutingWorkResultEvent(
            address, EventSender.System(), workType, workId, target, queueId, botId, "QueueBased"), cancellationToken);
    }
}
