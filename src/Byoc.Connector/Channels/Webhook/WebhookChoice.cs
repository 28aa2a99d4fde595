namespace Byoc.Connector.Channels.Webhook;

/// <summary>One option of an outbound <c>choices</c> message.</summary>
internal sealed record WebhookChoice(string Id, string Title);
