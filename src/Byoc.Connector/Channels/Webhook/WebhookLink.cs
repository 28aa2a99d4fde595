namespace Byoc.Connector.Channels.Webhook;

/// <summary>A link in an outbound webhook payload.</summary>
internal sealed record WebhookLink(string Url, string? Title);
