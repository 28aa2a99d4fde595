namespace Byoc.Emulator.Events;

/// <summary>One event on a Pub/Sub topic: its replay id (8-byte big-endian on the wire), event UUID, schema and Avro payload.</summary>
internal sealed record StoredEvent(long ReplayId, string TopicName, string EventId, string SchemaId, byte[] Payload, DateTimeOffset CreatedAt)
{
    public byte[] ReplayIdBytes => ReplayIds.ToBytes(ReplayId);
}
