using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Global describe entries and <c>/sobjects/{Type}/describe</c> bodies (REST API Developer Guide, "sObject Describe";
/// field keys as the Field section of the SOAP API's DescribeSObjectResult lists them), every value derived from the field's
/// definition so that schema-driven tools read what the emulated org really does.
/// </summary>
internal static class SObjectDescribeWriter
{
    public static JsonObject Summary(SObjectDefinition type, RestContext rest)
    {
        var caps = type.Capabilities;
        var basePath = $"{rest.BasePath}/sobjects/{type.Name}";
        var queryable = caps.HasFlag(SObjectCapabilities.Queryable) && !type.IsPlatformEvent;
        return new JsonObject
        {
            ["activateable"] = false,
            ["createable"] = caps.HasFlag(SObjectCapabilities.Createable),
            ["custom"] = type.Custom,
            ["customSetting"] = false,
            ["deepCloneable"] = false,
            ["deletable"] = caps.HasFlag(SObjectCapabilities.Deletable),
            ["deprecatedAndHidden"] = false,
            ["feedEnabled"] = false,
            ["hasSubtypes"] = false,
            ["isInterface"] = false,
            ["isSubtype"] = false,
            ["keyPrefix"] = type.KeyPrefix,
            ["label"] = type.Label,
            ["labelPlural"] = type.Label + "s",
            ["layoutable"] = caps.HasFlag(SObjectCapabilities.Createable) && !type.IsPlatformEvent,
            ["mergeable"] = false,
            ["mruEnabled"] = false,
            ["name"] = type.Name,
            ["queryable"] = queryable,
            ["replicateable"] = queryable && rest.Surface == ApiSurface.Data,
            ["retrieveable"] = queryable,
            ["searchable"] = caps.HasFlag(SObjectCapabilities.Searchable),
            ["triggerable"] = caps.HasFlag(SObjectCapabilities.Createable),
            ["undeletable"] = false,
            ["updateable"] = caps.HasFlag(SObjectCapabilities.Updateable),
            ["urls"] = new JsonObject
            {
                ["sobject"] = basePath,
                ["describe"] = basePath + "/describe",
                ["rowTemplate"] = basePath + "/{ID}",
            },
        };
    }

    public static JsonObject Describe(SObjectDefinition type, OrgSchema schema, RestContext rest)
    {
        var body = Summary(type, rest);
        var required = RequiredFields.For(type.Name);
        var nameField = type.NameField;
        body["fields"] = new JsonArray([.. type.Fields.Select(f => (JsonNode)FieldDescribe.Write(type, f,
            required.Contains(f.Name, StringComparer.OrdinalIgnoreCase), ReferenceEquals(f, nameField)))]);
        body["childRelationships"] = new JsonArray([.. ChildRelationships(type, schema)]);
        body["recordTypeInfos"] = new JsonArray();
        body["supportedScopes"] = new JsonArray();
        body["namedLayoutInfos"] = new JsonArray();
        body["actionOverrides"] = new JsonArray();
        body["networkScopeFieldName"] = null;
        return body;
    }

    /// <summary>Every reference to the type from another type, as describe's <c>childRelationships</c> lists them.</summary>
    private static IEnumerable<JsonNode> ChildRelationships(SObjectDefinition type, OrgSchema schema) =>
        from child in schema.Objects
        where (child.Surface & ApiSurface.Data) != 0
        from field in child.Fields
        where field.Type == FieldType.Reference && field.ReferenceTo.Contains(type.Name, StringComparer.OrdinalIgnoreCase)
        select (JsonNode)new JsonObject
        {
            ["cascadeDelete"] = false,
            ["childSObject"] = child.Name,
            ["deprecatedAndHidden"] = false,
            ["field"] = field.Name,
            ["junctionIdListNames"] = new JsonArray(),
            ["junctionReferenceTo"] = new JsonArray(),
            ["relationshipName"] = field.ChildRelationshipName,
            ["restrictedDelete"] = false,
        };

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.TextArea => "textarea",
        _ => type.ToString().ToLowerInvariant(),
    };
}
