using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// One entry of a describe's <c>fields</c>: the full key set of the DescribeSObjectResult Field type, each value following from
/// the definition. Derived rules, as real describes show them: date-times, numbers with decimals, long text and auto numbers
/// are not groupable; checkboxes and text areas are not aggregatable; text is 3 bytes a character.
/// </summary>
internal static class FieldDescribe
{
    public static JsonObject Write(SObjectDefinition type, FieldDefinition field, bool required, bool nameField)
    {
        var longText = field.Type == FieldType.TextArea && field.Length > 255;
        var textual = field.Type is FieldType.String or FieldType.TextArea or FieldType.Email or FieldType.Url or FieldType.Phone or FieldType.Picklist;
        var system = field.Name is "Id" or "IsDeleted" or "CreatedDate" or "CreatedById" or "LastModifiedDate" or "LastModifiedById" or "SystemModstamp";
        var length = field.Type is FieldType.Boolean or FieldType.Int or FieldType.Double or FieldType.DateTime or FieldType.Date
            ? 0
            : field.Length;
        var compound = type.Fields.FirstOrDefault(f => f.ComposedOf.Contains(field.Name, StringComparer.OrdinalIgnoreCase));
        var defaultValue = field.DefaultValue ?? (field.Type == FieldType.Boolean ? false : null);
        return new JsonObject
        {
            ["aggregatable"] = field.Type is not (FieldType.Boolean or FieldType.TextArea),
            ["aiPredictionField"] = false,
            ["autoNumber"] = field.AutoNumber,
            ["byteLength"] = field.Type is FieldType.Id or FieldType.Reference ? 18 : textual ? length * 3 : 0,
            ["calculated"] = false,
            ["calculatedFormula"] = null,
            ["cascadeDelete"] = false,
            ["caseSensitive"] = false,
            ["compoundFieldName"] = compound?.Name,
            ["controllerName"] = null,
            ["createable"] = field.Createable,
            ["custom"] = field.Custom,
            ["defaultValue"] = defaultValue is null ? null : JsonValue.Create(defaultValue),
            ["defaultValueFormula"] = null,
            ["defaultedOnCreate"] = system || field.AutoNumber || field.Type == FieldType.Boolean || field.DefaultValue is not null ||
                field.Name == "OwnerId" || field.ComposedOf.Count > 0,
            ["dependentPicklist"] = false,
            ["deprecatedAndHidden"] = false,
            ["digits"] = field.Type == FieldType.Int ? field.Precision : 0,
            ["displayLocationInDecimal"] = false,
            ["encrypted"] = false,
            ["externalId"] = field.ExternalId,
            ["extraTypeInfo"] = field.Type == FieldType.TextArea ? "plaintextarea" : field.ComposedOf.Count > 0 ? "personname" : null,
            ["filterable"] = !longText,
            ["filteredLookupInfo"] = null,
            ["formulaTreatNullNumberAsZero"] = false,
            ["groupable"] = !(field.AutoNumber || field.Type is FieldType.DateTime or FieldType.Double or FieldType.TextArea),
            ["highScaleNumber"] = false,
            ["htmlFormatted"] = false,
            ["idLookup"] = field.Type == FieldType.Id || field.ExternalId || field.AutoNumber || field.Type == FieldType.Email,
            ["inlineHelpText"] = null,
            ["label"] = field.Label,
            ["length"] = length,
            ["mask"] = null,
            ["maskType"] = null,
            ["name"] = field.Name,
            ["nameField"] = nameField,
            ["namePointing"] = field.IsPolymorphic,
            ["nillable"] = field.Nillable && !required,
            ["permissionable"] = field.Nillable && !required && !system && (field.Createable || field.Updateable),
            ["picklistValues"] = new JsonArray([.. field.PicklistValues.Select(v => (JsonNode)new JsonObject
            {
                ["active"] = true,
                ["defaultValue"] = string.Equals(v, field.DefaultValue as string, StringComparison.Ordinal),
                ["label"] = v,
                ["validFor"] = null,
                ["value"] = v,
            })]),
            ["polymorphicForeignKey"] = field.IsPolymorphic,
            ["precision"] = field.Type == FieldType.Double ? field.Precision : 0,
            ["queryByDistance"] = false,
            ["referenceTargetField"] = null,
            ["referenceTo"] = new JsonArray([.. field.Type == FieldType.Id ? [] : field.ReferenceTo.Select(r => (JsonNode)r)]),
            ["relationshipName"] = field.RelationshipName,
            ["relationshipOrder"] = null,
            ["restrictedDelete"] = false,
            ["restrictedPicklist"] = field.Type == FieldType.Picklist && field.RestrictedPicklist,
            ["scale"] = field.Type == FieldType.Double ? field.Scale : 0,
            ["searchPrefilterable"] = field.Type == FieldType.Reference,
            ["soapType"] = SoapType(field),
            ["sortable"] = !longText,
            ["type"] = field.DescribeType ?? SObjectDescribeWriter.TypeName(field.Type),
            ["unique"] = field.Unique,
            ["updateable"] = field.Updateable,
            ["writeRequiresMasterRead"] = false,
        };
    }

    private static string SoapType(FieldDefinition field) => field.Type switch
    {
        FieldType.Id or FieldType.Reference => "tns:ID",
        FieldType.Boolean => "xsd:boolean",
        FieldType.Int => "xsd:int",
        FieldType.Double => "xsd:double",
        FieldType.DateTime => "xsd:dateTime",
        FieldType.Date => "xsd:date",
        _ => "xsd:string",
    };
}
