using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

/// <summary>
/// sObject REST on the data and Tooling APIs (org-emulation.md §4.5): global describe, describe, record GET/POST/PATCH/DELETE,
/// and (data API) the external id resources <c>/sobjects/{type}/{field}/{value}</c> and the replication resources
/// <c>/updated</c> and <c>/deleted</c>. Writes go through <see cref="RecordSaver"/>.
/// </summary>
internal static partial class SObjectEndpoints
{
    public static void Map(RouteGroupBuilder data, RouteGroupBuilder tooling)
    {
        MapSurface(data, ApiSurface.Data);
        MapSurface(tooling, ApiSurface.Tooling);
        data.MapGet("/sobjects/{type}/updated", (HttpContext c, string version, string type, string? start, string? end) =>
            ReplicationEndpoints.Updated(c, new RestContext(version, ApiSurface.Data), type, start, end));
        data.MapGet("/sobjects/{type}/deleted", (HttpContext c, string version, string type, string? start, string? end) =>
            ReplicationEndpoints.Deleted(c, new RestContext(version, ApiSurface.Data), type, start, end));
        data.MapGet("/sobjects/{type}/{field}/{value}", (HttpContext c, string version, string type, string field, string value, string? fields) =>
            GetByExternalId(c, new RestContext(version, ApiSurface.Data), type, field, value, fields));
        data.MapMethods("/sobjects/{type}/{field}/{value}", ["PATCH"], (HttpContext c, string version, string type, string field, string value) =>
            UpsertAsync(c, new RestContext(version, ApiSurface.Data), type, field, value));
        data.MapDelete("/sobjects/{type}/{field}/{value}", (HttpContext c, string version, string type, string field, string value) =>
            DeleteByExternalId(c, new RestContext(version, ApiSurface.Data), type, field, value));
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
                ? RestErrors.MethodNotAllowed(c.Request.Method, RecordSaver.RecordMethods(definition))
                : RestErrors.NotFound());
    }

    private static JsonHttpResult<JsonObject> GlobalDescribe(HttpContext context, RestContext rest)
    {
        var schema = Store(context).Schema;
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
            : RestErrors.NotFound();

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Describe(HttpContext context, RestContext rest, string typeName) =>
        FindType(context, rest, typeName) is { } type
            ? TypedResults.Json(SObjectDescribeWriter.Describe(type, Store(context).Schema, rest))
            : RestErrors.NotFound();

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Get(
        HttpContext context, RestContext rest, string typeName, string id, string? fields)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        if (!type.Capabilities.HasFlag(SObjectCapabilities.Queryable) || type.IsPlatformEvent)
        {
            return RestErrors.MethodNotAllowed("GET", RecordSaver.CollectionMethods(type));
        }

        return Store(context).Get(id) is { } record && string.Equals(record.ObjectName, type.Name, StringComparison.OrdinalIgnoreCase)
            ? WriteRecord(type, record, fields, rest)
            : RestErrors.NotFound();
    }

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> GetByExternalId(
        HttpContext context, RestContext rest, string typeName, string fieldName, string value, string? fields)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        if (RecordSaver.ExternalIdField(type, fieldName) is not { } key)
        {
            return UnknownExternalId(fieldName);
        }

        var matches = Store(context).Write(w => RecordSaver.Match(w, type, key, value));
        return matches.Count switch
        {
            0 => RestErrors.NotFound(),
            1 => WriteRecord(type, matches[0], fields, rest),
            _ => RestErrors.Error(StatusCodes.Status300MultipleChoices, "MULTIPLE_CHOICES",
                $"More than one record found for external id field {key.Name} with value {value}."),
        };
    }

    /// <summary>A record with the requested fields (<c>?fields=A,B</c>) or all of them, behind its <c>attributes</c>.</summary>
    internal static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> WriteRecord(
        SObjectDefinition type, SObjectRecord record, string? fields, RestContext rest)
    {
        if (SelectFields(type, fields, out var selected) is { } error)
        {
            return error;
        }

        return TypedResults.Json(RecordNode(type, record, selected, rest));
    }

    internal static JsonObject RecordNode(SObjectDefinition type, SObjectRecord record, IReadOnlyList<FieldDefinition> selected, RestContext rest)
    {
        var json = new JsonObject { ["attributes"] = QueryRecordWriter.Attributes(type.Name, rest.SObjectUrl(type.Name, record.Id)) };
        foreach (var field in selected.Count > 0 ? selected : type.Fields)
        {
            json[field.Name] = RestValues.ToJson(record[field.Name]);
        }

        return json;
    }

    /// <summary>The fields of a <c>fields</c> list, or INVALID_FIELD naming the first unknown one.</summary>
    internal static JsonHttpResult<RestError[]>? SelectFields(SObjectDefinition type, string? fields, out List<FieldDefinition> selected)
    {
        selected = [];
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

        return null;
    }

    internal static JsonHttpResult<RestError[]> UnknownExternalId(string fieldName) =>
        RestErrors.Error(StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {fieldName}");

    internal static SObjectDefinition? FindType(HttpContext context, RestContext rest, string name) =>
        Store(context).Schema.FindObject(name) is { } type && (type.Surface & rest.Surface) != 0 ? type : null;

    internal static OrgStore Store(HttpContext context) => context.RequestServices.GetRequiredService<OrgStore>();

    internal static async Task<(JsonElement Body, JsonHttpResult<RestError[]>? Error)> ReadBodyAsync(HttpContext context)
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
