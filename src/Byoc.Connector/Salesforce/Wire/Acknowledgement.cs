namespace Byoc.Connector.Salesforce.Wire;

/// <summary>
/// One Delivered/Read acknowledgement. The schema types the timestamp as a string while samples send a number; we send
/// epoch milliseconds as a number (interaction-service-api.md §5.3). Note the spelling "acknowledgment" in the last field.
/// </summary>
internal sealed record Acknowledgement(
    long AcknowledgementTimestamp,
    string AcknowledgementType,
    string AcknowledgedConversationEntryIdentifier,
    string AcknowledgmentCreatedConversationEntryIdentifier);
