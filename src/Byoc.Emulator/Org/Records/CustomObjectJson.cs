using System.Text.Json;
using System.Text.Json.Serialization;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Org.Records;

/// <summary>The stored form of a custom sObject type's definition.</summary>
internal static class CustomObjectJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(SObjectDefinition definition) => JsonSerializer.Serialize(
        new StoredObject(definition.Name, definition.KeyPrefix, definition.Label, definition.Capabilities, definition.Surface,
            [.. definition.Fields.Where(f => f.Custom)]),
        s_options);

    public static SObjectDefinition Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredObject>(json, s_options)
            ?? throw new InvalidDataException("Empty custom object definition.");
        var builder = new SObjectBuilder(stored.Name, stored.KeyPrefix).Label(stored.Label)
            .Capabilities(stored.Capabilities).Surface(stored.Surface);
        return builder.Build(custom: true, extraFields: stored.Fields);
    }

    private sealed record StoredObject(
        string Name, string KeyPrefix, string Label, SObjectCapabilities Capabilities, ApiSurface Surface, FieldDefinition[] Fields);
}
