using Byoc.Emulator.Org.Records;
using static Byoc.Emulator.Routing.OrgRouting;

namespace Byoc.Emulator.Routing;

internal sealed partial class OmniChannel
{
    /// <summary>The agent or a rep joins the session's Conversation (ConversationParticipant with JoinedTime).</summary>
    private static void Join(OrgWriter w, SObjectRecord session, string role, string appType, string? entityId)
    {
        if (session.GetString("ConversationId") is not { } conversationId || entityId is null)
        {
            return;
        }

        w.Insert("ConversationParticipant", Fields(
            ("ConversationId", conversationId), ("ParticipantRole", role), ("AppType", appType), ("JoinedTime", w.Now),
            ("ParticipantEntityId", entityId),
            ("ParticipantDisplayName", w.Get(entityId) is { } entity ? entity.GetString("MasterLabel") ?? entity.GetString("Name") : null)));
    }

    /// <summary>Everyone but the end user leaves the session's Conversation (LeftTime).</summary>
    private static void LeaveAll(OrgWriter w, SObjectRecord session)
    {
        if (session.GetString("ConversationId") is not { } conversationId)
        {
            return;
        }

        foreach (var participant in w.Lookup("ConversationParticipant", "ConversationId", conversationId))
        {
            if (participant.GetString("ParticipantRole") is "Chatbot" or "Agent" && participant.GetDateTime("LeftTime") is null)
            {
                w.Update(participant.Id, Fields(("LeftTime", w.Now)));
            }
        }
    }
}
