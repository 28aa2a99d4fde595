using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// REST API Developer Guide, "sObject Collections": create, update and upsert up to 200 records of any types in one call,
/// delete up to 200 by id, and retrieve up to 200 of one type. Each record gets <c>{id, success, errors}</c>; with
/// <c>allOrNone</c> one failure rolls back the call and every other record reports ALL_OR_NONE_OPERATION_ROLLED_BACK.
/// </summary>
internal static class SObjectCollectionEndpoints
{
    public const int MaxRecords = 200;

    private enum Operation
    {
        Create,
        Update,
        Upsert,
    }

    public static void Map(RouteGroupBuilder data)
    {
        data.MapPost("/composite/sobjects", (HttpContext c, string version) => SaveAsync(c, version, Operation.Create, null, null));
        data.MapMethods("/composite/sobjects", ["PATCH"], (HttpContext c, string version) => SaveAsync(c, version, Operation.Update, null, null));
        data.MapMethods("/composite/sobjects/{type}/{field}", ["PATCH"], (HttpContext c, string version, string type, string field) =>
            SaveAsync(c, version, Operation.Upsert, type, field));
        data.MapDelete("/composite/sobjects", Delete);
        data.MapGet("/composite/sobjects/{type}", (HttpContext c, string version, string type, string? ids, string? fields) =>
            Retrieve(c, version, type, Split(ids), Split(fields)));
        data.MapPost("/composite/sobjects/{type}", RetrieveByBodyAsync);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, string version, Operation operation, string? typeName, string? keyName)
    {
        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return RestErrors.BadRequest("INVALID_API_INPUT", "The request body must be an object with a records array.");
        }

        var records = list.EnumerateArray().ToList();
        if (records.Count > MaxRecords)
        {
            return TooMany();
        }

        var store = SObjectEndpoints.Store(context);
        SObjectDefinition? upsertType = null;
        FieldDefinition? key = null;
        if (operation == Operation.Upsert)
        {
            upsertType = store.Schema.FindObject(typeName!);
            if (upsertType is null)
            {
                return RestErrors.NotFound();
            }

            key = RecordSaver.ExternalIdField(upsertType, keyName!);
            if (key is null)
            {
                return SObjectEndpoints.UnknownExternalId(keyName!);
            }
        }

        var allOrNone = body.TryGetProperty("allOrNone", out var flag) && flag.ValueKind == JsonValueKind.True;
        var outcomes = Run(store, RestAuthentication.Caller(context).UserId, allOrNone, records.Count, (writer, i) =>
            SaveOne(writer, store.Schema, operation, upsertType, key, records[i]));
        return TypedResults.Json(new JsonArray([.. outcomes.Select(o => (JsonNode)Result(o, operation == Operation.Upsert))]));
    }

    private static SaveOutcome SaveOne(
        OrgWriter writer, OrgSchema schema, Operation operation, SObjectDefinition? upsertType, FieldDefinition? key, JsonElement record)
    {
        var typeName = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("attributes", out var attributes)
            ? CompositeEndpoints.Text(attributes, "type")
            : null;
        var type = upsertType ?? (typeName is null ? null : schema.FindObject(typeName));
        if (type is null || (type.Surface & ApiSurface.Data) == 0)
        {
            return SaveOutcome.Failed(StatusCodes.Status400BadRequest, "INVALID_TYPE",
                typeName is null ? "Each record needs attributes.type." : $"sObject type '{typeName}' is not supported.");
        }

        var id = CompositeEndpoints.Text(record, "Id");
        var fields = Without(record, "Id");
        switch (operation)
        {
            case Operation.Create when id is not null:
                return SaveOutcome.Failed(StatusCodes.Status400BadRequest, "INVALID_FIELD", "Records to create cannot have an Id.", ["Id"]);
            case Operation.Create:
                return RecordSaver.Create(writer, type, fields);
            case Operation.Update when id is null:
                return SaveOutcome.Failed(StatusCodes.Status400BadRequest, "MISSING_ARGUMENT", "Id not specified in an update call", ["Id"]);
            case Operation.Update:
                return RecordSaver.Update(writer, type, id, fields);
            default:
                var value = key!.Type == FieldType.Id ? id : CompositeEndpoints.Text(record, key.Name);
                return value is null
                    ? SaveOutcome.Failed(StatusCodes.Status400BadRequest, "MISSING_ARGUMENT", $"{key.Name} not specified in an upsert call", [key.Name])
                    : RecordSaver.Upsert(writer, type, key, value, key.Type == FieldType.Id ? fields : record);
        }
    }

    private static IResult Delete(HttpContext context, string? ids, string? allOrNone)
    {
        var list = Split(ids);
        if (list.Length > MaxRecords)
        {
            return TooMany();
        }

        var store = SObjectEndpoints.Store(context);
        var outcomes = Run(store, RestAuthentication.Caller(context).UserId, string.Equals(allOrNone, "true", StringComparison.OrdinalIgnoreCase),
            list.Length, (writer, i) => writer.Get(list[i]) is { } record
                ? RecordSaver.Delete(writer, record.Type, record.Id)
                : SaveOutcome.Failed(StatusCodes.Status404NotFound, "ENTITY_IS_DELETED", "entity is deleted"));
        return TypedResults.Json(new JsonArray([.. outcomes.Select((o, i) => (JsonNode)Result(o, false, list[i]))]));
    }

    private static async Task<IResult> RetrieveByBodyAsync(HttpContext context, string version, string type)
    {
        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        string[] Strings(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var array) &&
            array.ValueKind == JsonValueKind.Array
                ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        return Retrieve(context, version, type, Strings("ids"), Strings("fields"));
    }

    private static IResult Retrieve(HttpContext context, string version, string typeName, string[] ids, string[] fields)
    {
        var rest = new RestContext(version, ApiSurface.Data);
        if (SObjectEndpoints.FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        if (ids.Length > MaxRecords)
        {
            return TooMany();
        }

        if (fields.Length == 0)
        {
            return RestErrors.BadRequest("MISSING_ARGUMENT", "fields is required");
        }

        if (SObjectEndpoints.SelectFields(type, string.Join(',', fields), out var selected) is { } fieldError)
        {
            return fieldError;
        }

        var store = SObjectEndpoints.Store(context);
        return TypedResults.Json(new JsonArray([.. ids.Select(id => store.Get(id) is { } record && record.Type == type
            ? SObjectEndpoints.RecordNode(type, record, selected, rest)
            : null)]));
    }

    /// <summary>Runs each item in one write; with allOrNone a failure rolls the write back and the others report the rollback.</summary>
    private static List<SaveOutcome> Run(OrgStore store, string actor, bool allOrNone, int count, Func<OrgWriter, int, SaveOutcome> run)
    {
        var outcomes = new List<SaveOutcome>();
        try
        {
            store.Write(w =>
            {
                for (var i = 0; i < count; i++)
                {
                    outcomes.Add(run(w, i));
                }

                if (allOrNone && outcomes.Any(o => !o.Success))
                {
                    throw new RollbackException();
                }
            }, actor);
            return outcomes;
        }
        catch (RollbackException)
        {
            return [.. outcomes.Select(o => o.Success
                ? SaveOutcome.Failed(StatusCodes.Status400BadRequest, "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                    "Record rolled back because not all records were valid and the request was using AllOrNone header")
                : o)];
        }
    }

    private static JsonObject Result(SaveOutcome outcome, bool reportCreated, string? id = null)
    {
        var errors = new JsonArray();
        if (outcome.Error is { } e)
        {
            errors.Add(new JsonObject
            {
                ["statusCode"] = e.ErrorCode,
                ["message"] = e.Message,
                ["fields"] = new JsonArray([.. (e.Fields ?? []).Select(f => (JsonNode)f)]),
            });
        }

        var result = new JsonObject { ["id"] = id ?? outcome.Record?.Id, ["success"] = outcome.Success, ["errors"] = errors };
        if (reportCreated && outcome.Success)
        {
            result["created"] = outcome.Created;
        }

        return result;
    }

    private static JsonElement Without(JsonElement record, string name)
    {
        var node = JsonNode.Parse(record.GetRawText())!.AsObject();
        node.Remove(name);
        return JsonSerializer.SerializeToElement(node);
    }

    private static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<RestError[]> TooMany() =>
        RestErrors.BadRequest("EXCEEDED_ID_LIMIT", $"record limit reached. cannot submit more than {MaxRecords} records into this call");
}
