using System.Text.Json;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Create, update, upsert and delete of one record inside a write, with the REST API's rules and errors: the type's
/// capabilities (405), the body rules of <see cref="SObjectBody"/> (400), unknown records (404) and unique fields
/// (DUPLICATE_VALUE). Shared by the sObject resources, sObject Collections, composite, tree and Bulk API 2.0, so each
/// answers alike; a caller that must roll back (allOrNone) throws out of its write.
/// </summary>
internal static class RecordSaver
{
    public static SaveOutcome Create(OrgWriter writer, SObjectDefinition type, JsonElement body)
    {
        if (!type.Capabilities.HasFlag(SObjectCapabilities.Createable))
        {
            return SaveOutcome.Failed(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"HTTP Method 'POST' not allowed. Allowed are {CollectionMethods(type)}");
        }

        var (changes, error) = SObjectBody.Read(type, body, insert: true, writer);
        error ??= CheckUnique(writer, type, changes, null);
        if (error is not null)
        {
            return SaveOutcome.Invalid(error);
        }

        return new SaveOutcome(writer.Insert(type.Name, changes), true, StatusCodes.Status201Created, null);
    }

    public static SaveOutcome Update(OrgWriter writer, SObjectDefinition type, string id, JsonElement body)
    {
        if (!type.Capabilities.HasFlag(SObjectCapabilities.Updateable))
        {
            return SaveOutcome.Failed(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"HTTP Method 'PATCH' not allowed. Allowed are {RecordMethods(type)}");
        }

        if (Find(writer, type, id) is not { } record)
        {
            return NotFound(id);
        }

        var (changes, error) = SObjectBody.Read(type, body, insert: false, writer);
        error ??= CheckUnique(writer, type, changes, record.Id);
        if (error is not null)
        {
            return SaveOutcome.Invalid(error);
        }

        return new SaveOutcome(writer.Update(record.Id, changes), false, StatusCodes.Status204NoContent, null);
    }

    /// <summary>
    /// Upsert by an external id field (or <c>Id</c>): no match creates (201), one match updates (200), several are
    /// MULTIPLE_CHOICES (300). The body must not set the key field to another value.
    /// </summary>
    public static SaveOutcome Upsert(OrgWriter writer, SObjectDefinition type, FieldDefinition key, string value, JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(key.Name, out var inBody) &&
            !(inBody.ValueKind == JsonValueKind.String && string.Equals(inBody.GetString(), value, StringComparison.Ordinal)))
        {
            return SaveOutcome.Failed(StatusCodes.Status400BadRequest, "INVALID_FIELD",
                $"The external ID field {key.Name} in the request body does not match the value in the URL.", [key.Name]);
        }

        var matches = Match(writer, type, key, value);
        switch (matches.Count)
        {
            case 0 when key.Type == FieldType.Id:
                return NotFound(value);
            case 0:
                var withKey = With(body, key.Name, value);
                return Create(writer, type, withKey);
            case 1:
                var updated = Update(writer, type, matches[0].Id, body);
                return updated.Success ? updated with { Status = StatusCodes.Status200OK } : updated;
            default:
                return SaveOutcome.Failed(StatusCodes.Status300MultipleChoices, "MULTIPLE_CHOICES",
                    $"More than one record found for external id field {key.Name} with value {value}.");
        }
    }

    public static SaveOutcome Delete(OrgWriter writer, SObjectDefinition type, string id)
    {
        if (!type.Capabilities.HasFlag(SObjectCapabilities.Deletable))
        {
            return SaveOutcome.Failed(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"HTTP Method 'DELETE' not allowed. Allowed are {RecordMethods(type)}");
        }

        if (Find(writer, type, id) is not { } record)
        {
            return NotFound(id);
        }

        writer.Delete(record.Id);
        return new SaveOutcome(null, false, StatusCodes.Status204NoContent, null);
    }

    /// <summary>The records whose key field equals the value (<c>Id</c> matches the record itself).</summary>
    public static IReadOnlyList<SObjectRecord> Match(OrgWriter writer, SObjectDefinition type, FieldDefinition key, string value)
    {
        if (key.Type == FieldType.Id)
        {
            return Find(writer, type, value) is { } record ? [record] : [];
        }

        object typed;
        try
        {
            typed = FieldValues.Coerce(type, key, value)!;
        }
        catch (FieldValueException)
        {
            return [];
        }

        return writer.Lookup(type.Name, key.Name, typed);
    }

    /// <summary>The field an external id request names: <c>Id</c> or a field marked external id; null when it is neither.</summary>
    public static FieldDefinition? ExternalIdField(SObjectDefinition type, string name) =>
        type.FindField(name) is { } field && (field.Type == FieldType.Id || field.ExternalId) ? field : null;

    public static SObjectRecord? Find(OrgWriter writer, SObjectDefinition type, string id) =>
        writer.Get(id) is { } record && string.Equals(record.ObjectName, type.Name, StringComparison.OrdinalIgnoreCase) ? record : null;

    public static string CollectionMethods(SObjectDefinition type) =>
        type.Capabilities.HasFlag(SObjectCapabilities.Createable) ? "GET,HEAD,POST" : "GET,HEAD";

    public static string RecordMethods(SObjectDefinition type) =>
        "GET,HEAD" + (type.Capabilities.HasFlag(SObjectCapabilities.Updateable) ? ",PATCH" : "") +
        (type.Capabilities.HasFlag(SObjectCapabilities.Deletable) ? ",DELETE" : "");

    private static SaveOutcome NotFound(string id) =>
        SaveOutcome.Failed(StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided id {id} does not exist or is not accessible");

    private static RestError? CheckUnique(OrgWriter writer, SObjectDefinition type, Dictionary<string, object?> changes, string? selfId)
    {
        foreach (var field in type.Fields.Where(f => f.Unique))
        {
            if (changes.GetValueOrDefault(field.Name) is { } value &&
                writer.Lookup(type.Name, field.Name, value).FirstOrDefault(r => r.Id != selfId) is { } other)
            {
                return new RestError($"duplicate value found: {field.Name} duplicates value on record with id: {other.Id}", "DUPLICATE_VALUE", [field.Name]);
            }
        }

        return null;
    }

    private static JsonElement With(JsonElement body, string name, string value)
    {
        var node = body.ValueKind == JsonValueKind.Object ? System.Text.Json.Nodes.JsonNode.Parse(body.GetRawText())!.AsObject() : [];
        node[name] = value;
        return JsonSerializer.SerializeToElement(node);
    }
}
