namespace Byoc.Connector.Channels.Webhook;

/// <summary>The JSON a platform POSTs to <c>/webhooks/{channel}</c>; see docs/webhook-channel.md.</summary>
internal sealed record WebhookInboundPayload
{
    /// <summary><c>message</c>, <c>attachment</c>, <c>typing.started</c>, <c>typing.stopped</c>, <c>choice</c> or <c>status</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The platform's unique id of this event; retries must repeat it.</summary>
    public string? Id { get; init; }

    /// <summary>The platform's id of the end user.</summary>
    public string? UserId { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The outbound message id this message answers.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>For <c>choice</c>: the chosen option id.</summary>
    public string? OptionId { get; init; }

    /// <summary>For <c>status</c>: the outbound message id the status is about.</summary>
    public string? MessageId { get; init; }

    /// <summary>For <c>status</c>: <c>delivered</c>, <c>read</c> or <c>failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>For a <c>failed</c> status: why.</summary>
    public string? Error { get; init; }

    /// <summary>For <c>attachment</c>: the file, by <c>url</c> or inline as base64 <c>data</c>.</summary>
    public WebhookFile? Attachment { get; init; }
}
