namespace Byoc.Connector.Channels.Meta;

/// <summary>What one Messenger webhook POST carried, in order, and the items that could not be read (each with why).</summary>
internal sealed record MessengerWebhook(IReadOnlyList<MessengerEvent> Events, IReadOnlyList<string> Skipped);
