namespace Byoc.Connector.Salesforce.Wire;

/// <summary>Body of <c>POST /api/v1/acknowledgement</c>.</summary>
internal sealed record AcknowledgementRequest(Participant Sender, string ConversationIdentifier, IReadOnlyList<Acknowledgement> Acknowledgements);
