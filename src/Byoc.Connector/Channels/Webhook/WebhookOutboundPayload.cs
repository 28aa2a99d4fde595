namespace Byoc.Connector.Channels.Webhook;

/// <summary>The JSON the connector POSTs to a channel's outbound URL; see docs/webhook-channel.md.</summary>
internal sealed record WebhookOutboundPayload
{
    /// <summary><c>message</c>, <c>choices</c>, <c>typing.started</c>, <c>typing.stopped</c> or <c>progress</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Salesforce's conversation-entry identifier; report statuses against it.</summary>
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string ConversationId { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<WebhookChoice>? Choices { get; init; }

    public string? Sender { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
