using System.Text.Json;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Reads a POST/PATCH body into field changes, applying the REST API's rules and error codes (org-emulation.md §4.5):
/// unknown fields, fields not createable/updateable, malformed or mistyped ids, bad picklist values, over-long text,
/// missing required fields. References are checked through the writer, so that a record created earlier in the same write
/// (a composite or tree request) may be pointed at.
/// </summary>
internal static class SObjectBody
{
    public static (Dictionary<string, object?> Changes, RestError? Error) Read(
        SObjectDefinition type, JsonElement body, bool insert, OrgWriter store)
    {
        var changes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (changes, new RestError("Json Deserialization failed on token 'null' and has left off in the middle of parsing a row. " +
                "Will go to end of row to begin parsing the next row", "JSON_PARSER_ERROR"));
        }

        var readOnly = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("attributes"))
            {
                continue;
            }

            var field = type.FindField(property.Name);
            if (field is null)
            {
                return (changes, new RestError($"No such column '{property.Name}' on sobject of type {type.Name}", "INVALID_FIELD"));
            }

            if (!(insert ? field.Createable : field.Updateable))
            {
                readOnly.Add(field.Name);
                continue;
            }

            var (value, error) = Convert(type, field, property.Value, store);
            if (error is not null)
            {
                return (changes, error);
            }

            changes[field.Name] = value;
        }

        if (readOnly.Count > 0)
        {
            return (changes, new RestError(
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field and " +
                "verify that it is read/write for your profile or permission set.", "INVALID_FIELD_FOR_INSERT_UPDATE", readOnly));
        }

        var missing = insert ? RequiredFields.For(type.Name).Where(f => changes.GetValueOrDefault(f) is null or "").ToList() : [];
        return missing.Count > 0
            ? (changes, new RestError($"Required fields are missing: [{string.Join(", ", missing)}]", "REQUIRED_FIELD_MISSING", missing))
            : (changes, null);
    }

    private static (object? Value, RestError? Error) Convert(SObjectDefinition type, FieldDefinition field, JsonElement json, OrgWriter store)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (json.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
        {
            return (null, ParserError(field, json));
        }

        var text = json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
        if (field.Type is FieldType.Reference or FieldType.Id)
        {
            if (json.ValueKind != JsonValueKind.String || !SalesforceId.TryNormalize(text, out var id))
            {
                return (null, FieldError(field, "MALFORMED_ID", $"id value of incorrect type: {text}"));
            }

            var prefixes = field.ReferenceTo.Select(store.Schema.FindObject).OfType<SObjectDefinition>().Select(t => t.KeyPrefix);
            if (!prefixes.Contains(SalesforceId.KeyPrefixOf(id), StringComparer.Ordinal))
            {
                return (null, FieldError(field, "FIELD_INTEGRITY_EXCEPTION", $"id value of incorrect type: {text}"));
            }

            return store.Get(id) is null ? (null, FieldError(field, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")) : (id, null);
        }

        if (field.Type == FieldType.Picklist && field.RestrictedPicklist &&
            !field.PicklistValues.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return (null, FieldError(field, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"bad value for restricted picklist field: {text}"));
        }

        var expectsString = field.Type is not (FieldType.Boolean or FieldType.Int or FieldType.Double);
        if (expectsString && json.ValueKind != JsonValueKind.String && field.Type is FieldType.DateTime or FieldType.Date)
        {
            return (null, ParserError(field, json));
        }

        if (field.Type is FieldType.String or FieldType.TextArea or FieldType.Email or FieldType.Url or FieldType.Phone &&
            field.Length > 0 && text.Length > field.Length)
        {
            return (null, FieldError(field, "STRING_TOO_LONG", $"data value too large: {text} (max length={field.Length})"));
        }

        try
        {
            var value = FieldValues.Coerce(type, field, expectsString ? text : json);
            // JSON has no NaN or infinity; such a value could never be read back.
            return value is double d && !double.IsFinite(d) ? (null, ParserError(field, json)) : (value, null);
        }
        catch (FieldValueException)
        {
            return (null, ParserError(field, json));
        }
    }

    private static RestError FieldError(FieldDefinition field, string code, string detail) =>
        new($"{field.Label}: {detail}", code, [field.Name]);

    private static RestError ParserError(FieldDefinition field, JsonElement json) =>
        new($"Cannot deserialize instance of {SObjectDescribeWriter.TypeName(field.Type)} from {TokenName(json)} value {json.GetRawText()} " +
            "or request may be missing a required field", "JSON_PARSER_ERROR");

    private static string TokenName(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER_INT",
        JsonValueKind.True => "VALUE_TRUE",
        JsonValueKind.False => "VALUE_FALSE",
        JsonValueKind.Array => "START_ARRAY",
        _ => "START_OBJECT",
    };
}
