using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>Global describe entries and <c>/sobjects/{Type}/describe</c> bodies.</summary>
internal static class SObjectDescribeWriter
{
    public static JsonObject Summary(SObjectDefinition type, RestContext rest)
    {
        var caps = type.Capabilities;
        var basePath = $"{rest.BasePath}/sobjects/{type.Name}";
        return new JsonObject
        {
            ["name"] = type.Name,
            ["label"] = type.Label,
            ["labelPlural"] = type.Label + "s",
            ["keyPrefix"] = type.KeyPrefix,
            ["custom"] = type.Custom,
            ["customSetting"] = false,
            ["queryable"] = caps.HasFlag(SObjectCapabilities.Queryable) && !type.IsPlatformEvent,
            ["retrieveable"] = caps.HasFlag(SObjectCapabilities.Queryable) && !type.IsPlatformEvent,
            ["searchable"] = false,
            ["createable"] = caps.HasFlag(SObjectCapabilities.Createable),
            ["updateable"] = caps.HasFlag(SObjectCapabilities.Updateable),
            ["deletable"] = caps.HasFlag(SObjectCapabilities.Deletable),
            ["urls"] = new JsonObject
            {
                ["sobject"] = basePath,
                ["describe"] = basePath + "/describe",
                ["rowTemplate"] = basePath + "/{ID}",
            },
        };
    }

    public static JsonObject Describe(SObjectDefinition type, RestContext rest)
    {
        var body = Summary(type, rest);
        var required = RequiredFields.For(type.Name);
        body["fields"] = new JsonArray([.. type.Fields.Select(f => (JsonNode)Field(f, required.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))]);
        body["childRelationships"] = new JsonArray();
        body["recordTypeInfos"] = new JsonArray();
        return body;
    }

    private static JsonObject Field(FieldDefinition field, bool required) => new()
    {
        ["name"] = field.Name,
        ["type"] = TypeName(field.Type),
        ["label"] = field.Label,
        ["length"] = field.Type is FieldType.Boolean or FieldType.Int or FieldType.Double or FieldType.DateTime or FieldType.Date ? 0 : field.Length,
        ["nillable"] = field.Nillable && !required,
        ["createable"] = field.Createable,
        ["updateable"] = field.Updateable,
        ["custom"] = field.Custom,
        ["defaultedOnCreate"] = field.Type == FieldType.Boolean || field.Type == FieldType.Id,
        ["filterable"] = !(field.Type == FieldType.TextArea && field.Length > 255),
        ["sortable"] = !(field.Type == FieldType.TextArea && field.Length > 255),
        ["idLookup"] = field.Type == FieldType.Id,
        ["polymorphicForeignKey"] = field.IsPolymorphic,
        ["referenceTo"] = new JsonArray([.. field.Type == FieldType.Id ? [] : field.ReferenceTo.Select(r => (JsonNode)r)]),
        ["relationshipName"] = field.RelationshipName,
        ["restrictedPicklist"] = field.Type == FieldType.Picklist,
        ["picklistValues"] = new JsonArray([.. field.PicklistValues.Select((v, i) => (JsonNode)new JsonObject
        {
            ["active"] = true,
            ["defaultValue"] = false,
            ["label"] = v,
            ["validFor"] = null,
            ["value"] = v,
        })]),
        ["soapType"] = field.Type switch
        {
            FieldType.Id or FieldType.Reference => "tns:ID",
            FieldType.Boolean => "xsd:boolean",
            FieldType.Int => "xsd:int",
            FieldType.Double => "xsd:double",
            FieldType.DateTime => "xsd:dateTime",
            FieldType.Date => "xsd:date",
            _ => "xsd:string",
        },
    };

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.TextArea => "textarea",
        _ => type.ToString().ToLowerInvariant(),
    };
}
