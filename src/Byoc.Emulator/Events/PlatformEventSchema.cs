using System.Text.Json.Nodes;
using Avro;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Events;

/// <summary>
/// The Avro schema of a platform event as Pub/Sub serves it (interaction-service-api.md §6.2): record named after the event
/// in namespace <c>com.sforce.eventbus</c>, <c>CreatedDate</c> (long, epoch ms), <c>CreatedById</c>, then the custom fields as
/// nullable unions. The schema id is the base64url MD5 fingerprint of the normalized schema.
/// </summary>
internal sealed record PlatformEventSchema(string EventName, string SchemaId, string SchemaJson, RecordSchema Avro)
{
    public string TopicName => "/event/" + EventName;

    public static PlatformEventSchema From(SObjectDefinition definition)
    {
        var fields = new JsonArray
        {
            new JsonObject { ["name"] = "CreatedDate", ["type"] = "long", ["doc"] = "CreatedDate:DateTime" },
            new JsonObject { ["name"] = "CreatedById", ["type"] = "string", ["doc"] = "CreatedBy:EntityId" },
        };
        foreach (var field in definition.Fields.Where(f => f.Custom))
        {
            var (avroType, doc) = field.Type switch
            {
                FieldType.Boolean => ("boolean", "Data:Checkbox"),
                FieldType.Double or FieldType.Int => ("double", "Data:Number"),
                FieldType.DateTime or FieldType.Date => ("long", "Data:DateTime"),
                FieldType.TextArea => ("string", "Data:LongTextArea"),
                _ => ("string", "Data:Text"),
            };
            fields.Add(new JsonObject
            {
                ["name"] = field.Name,
                ["type"] = new JsonArray("null", avroType),
                ["doc"] = doc,
                ["default"] = null,
            });
        }

        var json = new JsonObject
        {
            ["type"] = "record",
            ["name"] = definition.Name,
            ["namespace"] = "com.sforce.eventbus",
            ["fields"] = fields,
        }.ToJsonString();
        return FromJson(definition.Name, json);
    }

    public static PlatformEventSchema FromJson(string eventName, string json)
    {
        var schema = (RecordSchema)Schema.Parse(json);
        var fingerprint = SchemaNormalization.ParsingFingerprint("MD5", schema);
        var id = Convert.ToBase64String(fingerprint).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new PlatformEventSchema(eventName, id, json, schema);
    }
}
