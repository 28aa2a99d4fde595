namespace Byoc.Connector.Salesforce.Wire;

/// <summary>Body of <c>POST /api/v1/conversation</c>.</summary>
internal sealed record ConversationRequest(
    string ChannelAddressIdentifier,
    IReadOnlyList<Participant> Participants,
    IReadOnlyDictionary<string, string>? RoutingAttributes = null);
