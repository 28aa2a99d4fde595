namespace Byoc.Connector.Channels.Meta;

/// <summary>What one WhatsApp webhook POST carried, in order, and the items that could not be read (each with why).</summary>
internal sealed record WhatsAppWebhook(IReadOnlyList<WhatsAppEvent> Messages, IReadOnlyList<WhatsAppStatus> Statuses, IReadOnlyList<string> Skipped);
