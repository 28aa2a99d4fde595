namespace Byoc.Connector.Channels.Webhook;

/// <summary>The 202 body: how many messages were stored now, and how many had been stored before.</summary>
internal sealed record WebhookAcceptedResponse(int Stored, int Duplicates);
