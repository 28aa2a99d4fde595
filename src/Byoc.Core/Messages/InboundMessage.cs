namespace Byoc.Core.Messages;

/// <summary>One thing an end user's platform told us, normalised. Stored in the inbox as JSON.</summary>
public sealed record InboundMessage
{
    /// <summary>The configured channel name (for example <c>webhook</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's id of this message or event; the inbox de-duplicates on (channel, id).</summary>
    public required string PlatformMessageId { get; init; }

    /// <summary>The platform's id of the end user.</summary>
    public required string PlatformUserId { get; init; }

    /// <summary>What happened.</summary>
    public required InboundKind Kind { get; init; }

    /// <summary>When the platform says it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The text, for <see cref="InboundKind.Text"/>; the chosen option's title for a choice response.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="InboundKind.Status"/>: the outbound conversation-entry identifier the status is about.</summary>
    public string? StatusOfEntryIdentifier { get; init; }

    /// <summary>For <see cref="InboundKind.Status"/>: the mapped status.</summary>
    public DeliveryStatus? Status { get; init; }

    /// <summary>For <see cref="InboundKind.Status"/> with <see cref="DeliveryStatus.Failed"/>: the platform's reason.</summary>
    public string? StatusError { get; init; }

    /// <summary>For <see cref="InboundKind.ChoiceResponse"/>: the chosen option identifier.</summary>
    public string? ChoiceOptionIdentifier { get; init; }

    /// <summary>The outbound message this one answers, when the platform says so.</summary>
    public string? InReplyToEntryIdentifier { get; init; }

    /// <summary>For <see cref="InboundKind.Attachment"/>: the file, already stored by the connector.</summary>
    public InboundAttachment? Attachment { get; init; }
}
