using System.Collections.Concurrent;
using Avro;
using Avro.Generic;
using Avro.IO;

namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>Decodes Avro event payloads with Apache.Avro GenericRecord; schemas are parsed once per schema id.</summary>
internal sealed class AvroEventDecoder
{
    private readonly ConcurrentDictionary<string, RecordSchema> _schemas = new(StringComparer.Ordinal);

    public bool HasSchema(string schemaId) => _schemas.ContainsKey(schemaId);

    public void AddSchema(string schemaId, string schemaJson)
    {
        if (Schema.Parse(schemaJson) is not RecordSchema record)
        {
            throw new InvalidOperationException($"Schema {schemaId} is not an Avro record schema.");
        }

        _schemas[schemaId] = record;
    }

    /// <summary>Reads the named string fields of one event; a missing or null field comes back as null.</summary>
    public (string? EventType, string? Payload) Decode(string schemaId, ReadOnlyMemory<byte> payload, string eventTypeField, string payloadField)
    {
        var schema = _schemas[schemaId];
        var reader = new GenericDatumReader<GenericRecord>(schema, schema);
        using var stream = new MemoryStream(payload.ToArray(), writable: false);
        var record = reader.Read(null!, new BinaryDecoder(stream));
        return (ReadString(record, eventTypeField), ReadString(record, payloadField));
    }

    private static string? ReadString(GenericRecord record, string field) =>
        record.TryGetValue(field, out var value) ? value as string : null;
}
