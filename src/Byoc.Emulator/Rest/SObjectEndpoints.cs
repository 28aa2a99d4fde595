using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

/// <summary>
/// sObject REST on the data and Tooling APIs (org-emulation.md §4.5): global describe, describe, and record
/// GET/POST/PATCH/DELETE honouring the type's capabilities and the fields' createable/updateable flags.
/// </summary>
internal static class SObjectEndpoints
{
    public static void Map(RouteGroupBuilder data, RouteGroupBuilder tooling)
    {
        MapSurface(data, ApiSurface.Data);
        MapSurface(tooling, ApiSurface.Tooling);
    }

    private static void MapSurface(RouteGroupBuilder group, ApiSurface surface)
    {
        group.MapGet("/sobjects", (HttpContext c, string version) => GlobalDescribe(c, new RestContext(version, surface)));
        group.MapGet("/sobjects/{type}", (HttpContext c, string version, string type) => Basic(c, new RestContext(version, surface), type));
        group.MapGet("/sobjects/{type}/describe", (HttpContext c, string version, string type) => Describe(c, new RestContext(version, surface), type));
        group.MapPost("/sobjects/{type}", (HttpContext c, string version, string type) => CreateAsync(c, new RestContext(version, surface), type));
        group.MapGet("/sobjects/{type}/{id}", (HttpContext c, string version, string type, string id, string? fields) =>
            Get(c, new RestContext(version, surface), type, id, fields));
        group.MapMethods("/sobjects/{type}/{id}", ["PATCH"], (HttpContext c, string version, string type, string id) =>
            UpdateAsync(c, new RestContext(version, surface), type, id));
        group.MapDelete("/sobjects/{type}/{id}", (HttpContext c, string version, string type, string id) =>
            Delete(c, new RestContext(version, surface), type, id));
        group.MapMethods("/sobjects/{type}/{id}", ["PUT", "POST"], (HttpContext c, string version, string type) =>
            FindType(c, new RestContext(version, surface), type) is { } definition
                ? RestErrors.MethodNotAllowed(c.Request.Method, RecordMethods(definition))
                : RestErrors.NotFound());
    }

    private static JsonHttpResult<JsonObject> GlobalDescribe(HttpContext context, RestContext rest)
    {
        var schema = context.RequestServices.GetRequiredService<OrgStore>().Schema;
        return TypedResults.Json(new JsonObject
        {
            ["encoding"] = "UTF-8",
            ["maxBatchSize"] = 200,
            ["sobjects"] = new JsonArray([.. schema.Objects.Where(o => (o.Surface & rest.Surface) != 0)
                .Select(o => (JsonNode)SObjectDescribeWriter.Summary(o, rest))]),
        });
    }

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Basic(HttpContext context, RestContext rest, string typeName) =>
        FindType(context, rest, typeName) is { } type
            ? TypedResults.Json(new JsonObject { ["objectDescribe"] = SObjectDescribeWriter.Summary(type, rest), ["recentItems"] = new JsonArray() })
            : (Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>>)RestErrors.NotFound();

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Describe(HttpContext context, RestContext rest, string typeName) =>
        FindType(context, rest, typeName) is { } type ? TypedResults.Json(SObjectDescribeWriter.Describe(type, context.RequestServices.GetRequiredService<OrgStore>().Schema, rest)) : (Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>>)RestErrors.NotFound();

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Get(HttpContext context, RestContext rest, string typeName, string id, string? fields)
    {
        var type = FindType(context, rest, typeName);
        if (type is null)
        {
            return RestErrors.NotFound();
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Queryable) || type.IsPlatformEvent)
        {
            return RestErrors.MethodNotAllowed("GET", CollectionMethods(type));
        }

        var record = FindRecord(context, type, id);
        if (record is null)
        {
            return RestErrors.NotFound();
        }

        var selected = new List<FieldDefinition>();
        foreach (var name in (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (type.FindField(name) is not { } field)
            {
                return RestErrors.BadRequest(SoqlErrors.InvalidField, $"No such column '{name}' on entity '{type.Name}'. If you are attempting to use " +
                    "a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for " +
                    "the appropriate names.");
            }

            selected.Add(field);
        }

        var json = new JsonObject { ["attributes"] = QueryRecordWriter.Attributes(type.Name, rest.SObjectUrl(type.Name, record.Id)) };
        foreach (var field in selected.Count > 0 ? selected : type.Fields)
        {
            json[field.Name] = RestValues.ToJson(record[field.Name]);
        }

        return TypedResults.Json(json);
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>>> CreateAsync(HttpContext context, RestContext rest, string typeName)
    {
        var type = FindType(context, rest, typeName);
        if (type is null)
        {
            return RestErrors.NotFound();
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Createable))
        {
            return RestErrors.MethodNotAllowed("POST", CollectionMethods(type));
        }

        var (body, parseError) = await ReadBodyAsync(context);
        if (parseError is not null)
        {
            return parseError;
        }

        var store = context.RequestServices.GetRequiredService<OrgStore>();
        var (changes, error) = SObjectBody.Read(type, body, insert: true, store);
        if (error is not null)
        {
            return RestErrors.BadRequest(error.ErrorCode, error.Message, error.Fields);
        }

        var caller = RestAuthentication.Caller(context);
        var record = store.Write(w => w.Insert(type.Name, changes), caller.UserId);
        return TypedResults.Json(new JsonObject { ["id"] = record.Id, ["success"] = true, ["errors"] = new JsonArray() },
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<NoContent, JsonHttpResult<RestError[]>>> UpdateAsync(HttpContext context, RestContext rest, string typeName, string id)
    {
        var type = FindType(context, rest, typeName);
        if (type is null)
        {
            return RestErrors.NotFound();
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Updateable))
        {
            return RestErrors.MethodNotAllowed("PATCH", RecordMethods(type));
        }

        var record = FindRecord(context, type, id);
        if (record is null)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await ReadBodyAsync(context);
        if (parseError is not null)
        {
            return parseError;
        }

        var store = context.RequestServices.GetRequiredService<OrgStore>();
        var (changes, error) = SObjectBody.Read(type, body, insert: false, store);
        if (error is not null)
        {
            return RestErrors.BadRequest(error.ErrorCode, error.Message, error.Fields);
        }

        store.Write(w => w.Update(record.Id, changes), RestAuthentication.Caller(context).UserId);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, JsonHttpResult<RestError[]>> Delete(HttpContext context, RestContext rest, string typeName, string id)
    {
        var type = FindType(context, rest, typeName);
        if (type is null)
        {
            return RestErrors.NotFound();
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Deletable))
        {
            return RestErrors.MethodNotAllowed("DELETE", RecordMethods(type));
        }

        var record = FindRecord(context, type, id);
        if (record is null)
        {
            return RestErrors.NotFound();
        }

        context.RequestServices.GetRequiredService<OrgStore>().Write(w => w.Delete(record.Id), RestAuthentication.Caller(context).UserId);
        return TypedResults.NoContent();
    }

    private static SObjectDefinition? FindType(HttpContext context, RestContext rest, string name) =>
        context.RequestServices.GetRequiredService<OrgStore>().Schema.FindObject(name) is { } type && (type.Surface & rest.Surface) != 0
            ? type
            : null;

    private static SObjectRecord? FindRecord(HttpContext context, SObjectDefinition type, string id) =>
        context.RequestServices.GetRequiredService<OrgStore>().Get(id) is { } record &&
        string.Equals(record.ObjectName, type.Name, StringComparison.OrdinalIgnoreCase)
            ? record
            : null;

    private static string CollectionMethods(SObjectDefinition type) =>
        type.Capabilities.HasFlag(SObjectCapabilities.Createable) ? "GET,HEAD,POST" : "GET,HEAD";

    private static string RecordMethods(SObjectDefinition type) =>
        "GET,HEAD" + (type.Capabilities.HasFlag(SObjectCapabilities.Updateable) ? ",PATCH" : "") +
        (type.Capabilities.HasFlag(SObjectCapabilities.Deletable) ? ",DELETE" : "");

    private static async Task<(JsonElement Body, JsonHttpResult<RestError[]>? Error)> ReadBodyAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, RestErrors.BadRequest("JSON_PARSER_ERROR", $"Unexpected character in request body: {e.Message}"));
        }
    }
}
