namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>One decoded platform event from the Pub/Sub stream.</summary>
/// <param name="Topic">The subscribed topic.</param>
/// <param name="EventId">The Pub/Sub event UUID (<c>ProducerEvent.id</c>).</param>
/// <param name="ReplayId">The opaque replay id to checkpoint once the event is stored.</param>
/// <param name="EventType">The value of the configured EventType field.</param>
/// <param name="Payload">The value of the configured Payload field (a JSON string).</param>
internal sealed record PlatformEvent(string Topic, string EventId, byte[] ReplayId, string? EventType, string? Payload);
