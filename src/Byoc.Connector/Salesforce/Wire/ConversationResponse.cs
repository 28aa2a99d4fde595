namespace Byoc.Connector.Salesforce.Wire;

/// <summary>202 body of <c>POST /conversation</c>.</summary>
internal sealed record ConversationResponse(string? ConversationIdentifier, string? MessagingSessionId, bool? Success);
