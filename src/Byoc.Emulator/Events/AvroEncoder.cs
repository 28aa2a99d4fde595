using Avro.Generic;
using Avro.IO;

namespace Byoc.Emulator.Events;

/// <summary>Encodes one platform event as Avro binary with its Pub/Sub schema.</summary>
internal static class AvroEncoder
{
    public static byte[] Encode(PlatformEventSchema schema, IReadOnlyDictionary<string, object?> values)
    {
        var record = new GenericRecord(schema.Avro);
        foreach (var field in schema.Avro.Fields)
        {
            record.Add(field.Name, values.GetValueOrDefault(field.Name));
        }

        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema.Avro).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }
}
