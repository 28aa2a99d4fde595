namespace Byoc.Connector.Channels.Webhook;

/// <summary>The JSON the connector POSTs to a channel's outbound URL; see docs/webhook-channel.md.</summary>
internal sealed record WebhookOutboundPayload
{
    /// <summary>
    /// <c>message</c>, <c>choices</c>, <c>participant</c>, <c>notice</c>, <c>typing.started</c>, <c>typing.stopped</c> or
    /// <c>progress</c>; a <c>Text</c> channel gets <c>message</c> for choices, participants and notices.
    /// </summary>
    public required string Type { get; init; }

    /// <summary>Salesforce's conversation-entry identifier; report statuses against it.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string ConversationId { get; init; }

    public string? Text { get; init; }

    /// <summary>For <c>choices</c>: <c>Buttons</c>, <c>QuickReplies</c>, <c>ListPicker</c> or <c>TimePicker</c>.</summary>
    public string? Format { get; init; }

    public IReadOnlyList<WebhookChoice>? Choices { get; init; }

    /// <summary>Files, inline as base64 <c>data</c> or as a signed <c>url</c> with its <c>expiresAt</c>.</summary>
    public IReadOnlyList<WebhookFile>? Attachments { get; init; }

    /// <summary>Links to show with the text (links, rich links, citations).</summary>
    public IReadOnlyList<WebhookLink>? Links { get; init; }

    /// <summary>For <c>participant</c>: <c>joined</c> or <c>left</c>.</summary>
    public string? Operation { get; init; }

    public string? Sender { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
