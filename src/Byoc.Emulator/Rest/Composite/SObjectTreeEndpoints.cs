using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// REST API Developer Guide, "sObject Tree": <c>POST /composite/tree/{type}</c> creates up to 200 records of the type with
/// their children nested under child relationship names (<c>Contacts</c> under an Account), each naming a unique
/// <c>attributes.referenceId</c>. It is all or nothing: 201 with every referenceId's new id, or 400 with the errors of the
/// records that failed and nothing created. <c>sf data import tree</c> posts its plan files here.
/// </summary>
internal static class SObjectTreeEndpoints
{
    public static void Map(RouteGroupBuilder data) => data.MapPost("/composite/tree/{type}", CreateAsync);

    private static async Task<IResult> CreateAsync(HttpContext context, string version, string type)
    {
        var rest = new RestContext(version, ApiSurface.Data);
        if (SObjectEndpoints.FindType(context, rest, type) is not { } root)
        {
            return RestErrors.NotFound();
        }

        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return RestErrors.BadRequest("INVALID_API_INPUT", "The request body must be an object with a records array.");
        }

        if (Count(records) > SObjectCollectionEndpoints.MaxRecords)
        {
            return RestErrors.BadRequest("EXCEEDED_ID_LIMIT", $"A tree request may hold at most {SObjectCollectionEndpoints.MaxRecords} records.");
        }

        var results = new JsonArray();
        var failures = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            SObjectEndpoints.Store(context).Write(w =>
            {
                foreach (var record in records.EnumerateArray())
                {
                    Insert(w, root, record, null, null, seen, results, failures);
                }

                if (failures.Count > 0)
                {
                    throw new RollbackException();
                }
            }, RestAuthentication.Caller(context).UserId);
        }
        catch (RollbackException)
        {
            return TypedResults.Json(new JsonObject { ["hasErrors"] = true, ["results"] = failures }, statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Json(new JsonObject { ["hasErrors"] = false, ["results"] = results }, statusCode: StatusCodes.Status201Created);
    }

    private static void Insert(
        OrgWriter writer, SObjectDefinition type, JsonElement record, FieldDefinition? parentField, string? parentId,
        HashSet<string> seen, JsonArray results, JsonArray failures)
    {
        var attributes = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("attributes", out var a) ? a : default;
        var referenceId = attributes.ValueKind == JsonValueKind.Object ? CompositeEndpoints.Text(attributes, "referenceId") : null;
        var declared = attributes.ValueKind == JsonValueKind.Object ? CompositeEndpoints.Text(attributes, "type") : null;
        if (referenceId is null || !seen.Add(referenceId))
        {
            failures.Add(Failure(referenceId, "INVALID_INPUT", referenceId is null
                ? "Every record needs attributes.referenceId." : $"Duplicate referenceId {referenceId}.", []));
            return;
        }

        if (!string.Equals(declared, type.Name, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(Failure(referenceId, "INVALID_TYPE", $"attributes.type must be {type.Name}, not '{declared}'.", []));
            return;
        }

        var fields = new JsonObject();
        var children = new List<(FieldDefinition Field, SObjectDefinition Type, JsonElement Records)>();
        foreach (var property in record.EnumerateObject().Where(p => !p.NameEquals("attributes")))
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                if (ChildRelationship(writer.Schema, type, property.Name) is not { } child ||
                    !property.Value.TryGetProperty("records", out var nested) || nested.ValueKind != JsonValueKind.Array)
                {
                    failures.Add(Failure(referenceId, "INVALID_FIELD", $"No such relationship '{property.Name}' on sobject of type {type.Name}",
                        [property.Name]));
                    return;
                }

                children.Add((child.Field, child.Type, nested));
                continue;
            }

            fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        if (parentField is not null)
        {
            fields[parentField.Name] = parentId;
        }

        var outcome = RecordSaver.Create(writer, type, JsonSerializer.SerializeToElement(fields));
        if (!outcome.Success)
        {
            failures.Add(Failure(referenceId, outcome.Error!.ErrorCode, outcome.Error.Message, outcome.Error.Fields ?? []));
            return;
        }

        results.Add(new JsonObject { ["referenceId"] = referenceId, ["id"] = outcome.Record!.Id });
        foreach (var (field, childType, nested) in children)
        {
            foreach (var child in nested.EnumerateArray())
            {
                Insert(writer, childType, child, field, outcome.Record.Id, seen, results, failures);
            }
        }
    }

    /// <summary>The reference field and type behind a child relationship name of the parent type.</summary>
    private static (FieldDefinition Field, SObjectDefinition Type)? ChildRelationship(OrgSchema schema, SObjectDefinition parent, string name) =>
        (from child in schema.Objects
         from field in child.Fields
         where string.Equals(field.ChildRelationshipName, name, StringComparison.OrdinalIgnoreCase) &&
               field.ReferenceTo.Contains(parent.Name, StringComparer.OrdinalIgnoreCase)
         select ((FieldDefinition Field, SObjectDefinition Type)?)(field, child)).FirstOrDefault();

    private static int Count(JsonElement records) => records.EnumerateArray().Sum(r => 1 + (r.ValueKind == JsonValueKind.Object
        ? r.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("records", out var n) &&
            n.ValueKind == JsonValueKind.Array).Sum(p => Count(p.Value.GetProperty("records")))
        : 0));

    private static JsonObject Failure(string? referenceId, string code, string message, IReadOnlyList<string> fields) => new()
    {
        ["referenceId"] = referenceId,
        ["errors"] = new JsonArray(new JsonObject
        {
            ["statusCode"] = code,
            ["message"] = message,
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]),
        }),
    };
}
