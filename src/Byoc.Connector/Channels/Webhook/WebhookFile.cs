namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// A file in a webhook payload: <see cref="Data"/> is the content in base64, or <see cref="Url"/> points to it (inbound:
/// the platform's URL; outbound: the connector's signed link, which works until <see cref="ExpiresAt"/>).
/// </summary>
internal sealed record WebhookFile
{
    public string? Name { get; init; }

    public string? MimeType { get; init; }

    public long? Size { get; init; }

    public string? Data { get; init; }

    public string? Url { get; init; }

    /// <summary>Outbound links only: when the link stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
