namespace Byoc.Connector.Salesforce.Wire;

/// <summary>202 body of <c>POST /interactions</c>.</summary>
internal sealed record PostInteractionResponse(string? ConversationIdentifier, IReadOnlyList<string>? WorkItemIds, bool? Success, string? Id);
