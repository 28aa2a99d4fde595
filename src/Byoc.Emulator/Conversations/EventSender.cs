namespace Byoc.Emulator.Conversations;

/// <summary>
/// The sender of an outbound entry: a wire participant (<c>appType</c>, <c>subject</c>, <c>role</c>) plus the display name
/// that goes out as <c>senderDisplayName</c>.
/// </summary>
internal sealed record EventSender(string AppType, string Subject, string Role, string DisplayName)
{
    /// <summary>
    /// An Agentforce agent. The chatbot shape (appType chatbot, role Chatbot, subject = BotDefinition id) is what Enhanced
    /// Chat payloads show; for BYOC it is UNCONFIRMED (interaction-service-api.md §9, §13).
    /// </summary>
    public static EventSender Agentforce(string botDefinitionId, string displayName) => new("chatbot", botDefinitionId, "Chatbot", displayName);

    /// <summary>A human rep (a User).</summary>
    public static EventSender Rep(string userId, string displayName) => new("agent", userId, "Agent", displayName);

    /// <summary>The platform itself (routing notices, session status).</summary>
    public static EventSender System(string displayName = "System") => new("conversation", "System", "System", displayName);
}
