using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Conversations keyed by (channel, end user): the first entry creates MessagingEndUser, Conversation (with its end-user
/// ConversationParticipant) and MessagingSession; later entries join them; an entry after the session ended opens a new session
/// in the same conversation (interaction-service-api.md §5.1, §11).
/// </summary>
internal static class ConversationRegistry
{
    private static readonly HashSet<string> s_closedStatuses = new(StringComparer.Ordinal) { "Ended", "Error" };

    /// <summary>Finds or creates the conversation and its open session inside a write.</summary>
    public static (ConversationAddress Address, bool SessionCreated) Join(OrgWriter writer, SObjectRecord channel, string endUserClientId)
    {
        var endUser = writer.Lookup("MessagingEndUser", "MessagingPlatformKey", endUserClientId)
            .FirstOrDefault(u => u.GetString("MessagingChannelId") == channel.Id)
            ?? writer.Insert("MessagingEndUser", new Dictionary<string, object?>
            {
                ["Name"] = endUserClientId.Length > 255 ? endUserClientId[..255] : endUserClientId,
                ["MessagingChannelId"] = channel.Id,
                ["MessageType"] = "Custom",
                ["MessagingPlatformKey"] = endUserClientId,
                ["MessagingConsentStatus"] = "ImplicitlyOptedIn",
            });

        var sessions = writer.Lookup("MessagingSession", "MessagingEndUserId", endUser.Id);
        var conversation = sessions.Count > 0 && sessions[^1].GetString("ConversationId") is { } conversationId
            ? writer.Get(conversationId)!
            : null;
        if (conversation is null)
        {
            conversation = writer.Insert("Conversation", new Dictionary<string, object?>
            {
                ["Name"] = endUser.GetString("Name"),
                ["ConversationIdentifier"] = Guid.NewGuid().ToString(),
                ["ConversationChannelId"] = channel.Id,
                ["StartTime"] = writer.Now,
            });
            writer.Insert("ConversationParticipant", new Dictionary<string, object?>
            {
                ["ConversationId"] = conversation.Id,
                ["ParticipantRole"] = "EndUser",
                ["AppType"] = "custom",
                ["JoinedTime"] = writer.Now,
                ["ParticipantEntityId"] = endUser.Id,
                ["ParticipantDisplayName"] = endUser.GetString("Name"),
            });
        }

        var session = sessions.Count > 0 ? sessions[^1] : null;
        var created = false;
        if (session is null || s_closedStatuses.Contains(session.GetString("Status") ?? string.Empty))
        {
            session = writer.Insert("MessagingSession", new Dictionary<string, object?>
            {
                ["MessagingChannelId"] = channel.Id,
                ["MessagingEndUserId"] = endUser.Id,
                ["Status"] = "New",
                ["Origin"] = "InboundInitiated",
                ["ChannelType"] = "Custom",
                ["ChannelName"] = channel.GetString("MasterLabel"),
                ["ChannelKey"] = endUserClientId.Length > 255 ? endUserClientId[..255] : endUserClientId,
                ["ConversationId"] = conversation.Id,
                ["StartTime"] = writer.Now,
                ["AgentMessageCount"] = 0L,
                ["EndUserMessageCount"] = 0L,
            });
            created = true;
        }

        return (Address(channel, endUser, conversation, session), created);
    }

    /// <summary>The conversation with this identifier and its latest session, or null.</summary>
    public static ConversationAddress? Find(OrgStore store, string? conversationIdentifier)
    {
        if (string.IsNullOrEmpty(conversationIdentifier) ||
            store.Lookup("Conversation", "ConversationIdentifier", conversationIdentifier) is not [var conversation, ..])
        {
            return null;
        }

        var session = store.Lookup("MessagingSession", "ConversationId", conversation.Id) is [.., var last] ? last : null;
        if (session is null || session.GetString("MessagingEndUserId") is not { } endUserId || store.Get(endUserId) is not { } endUser ||
            session.GetString("MessagingChannelId") is not { } channelId || store.Get(channelId) is not { } channel)
        {
            return null;
        }

        return Address(channel, endUser, conversation, session);
    }

    /// <summary>Session ids go out 15 characters long: agentWork and routingResult take exactly 15 (UNCONFIRMED for the response).</summary>
    public static string WireId(string id) => SalesforceId.To15(id);

    private static ConversationAddress Address(SObjectRecord channel, SObjectRecord endUser, SObjectRecord conversation, SObjectRecord session) =>
        new(conversation.GetString("ConversationIdentifier")!, channel.GetString("ChannelAddressIdentifier")!,
            endUser.GetString("MessagingPlatformKey")!, channel.Id, endUser.Id, session.Id);
}
