namespace Byoc.Connector.Salesforce.Wire;

/// <summary>The entry of an <c>EntryInteraction</c>: Message, typing indicators or MessageDeliveryFailed.</summary>
internal sealed record EntryPayload
{
    public required string Id { get; init; }

    public required string EntryType { get; init; }

    /// <summary>Required for typing indicators.</summary>
    public long? Timestamp { get; init; }

    public AbstractMessage? AbstractMessage { get; init; }

    public string? FailedConversationEntryIdentifier { get; init; }

    public Participant? Recipient { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
