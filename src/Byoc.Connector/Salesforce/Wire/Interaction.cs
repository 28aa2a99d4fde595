namespace Byoc.Connector.Salesforce.Wire;

/// <summary>An <c>EntryInteraction</c> (with <see cref="Payload"/>) or an <c>AttachmentInteraction</c> (with the attachment fields).</summary>
internal sealed record Interaction
{
    public required long Timestamp { get; init; }

    public required string InteractionType { get; init; }

    public EntryPayload? Payload { get; init; }

    public string? Id { get; init; }

    public int? AttachmentIndex { get; init; }

    public long? ContentLength { get; init; }

    public string? Text { get; init; }
}
