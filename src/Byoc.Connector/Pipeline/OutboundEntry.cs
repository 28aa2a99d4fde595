using Byoc.Core.Messages;

namespace Byoc.Connector.Pipeline;

/// <summary>The parts of an outbound <c>Interaction</c> event the connector uses.</summary>
internal sealed record OutboundEntry
{
    public required string ConversationIdentifier { get; init; }

    public required string ChannelAddressIdentifier { get; init; }

    public required string RecipientSubject { get; init; }

    public required string Identifier { get; init; }

    public required OutboundKind Kind { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    public string? SenderDisplayName { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ChoicesFormat { get; init; }

    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<OutboundLink> Links { get; init; } = [];

    public bool? ParticipantJoined { get; init; }
}
