using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// Runs one subrequest of a composite or batch request in process, against a write: the sObject record resources (create,
/// read, update, delete, upsert by external id), describe, and SOQL query. These are the resources the REST API Developer
/// Guide's composite examples use; any other URL answers 404 NOT_FOUND, as an unknown resource does. A query sees the
/// records committed before the request, not those written earlier in the same transaction.
/// </summary>
internal sealed class SubrequestRunner(OrgStore store, SoqlEngine soql)
{
    public SubrequestResult Run(OrgWriter writer, string method, string url, JsonElement? body)
    {
        if (!TryParse(url, out var version, out var segments, out var query))
        {
            return SubrequestResult.Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");
        }

        var rest = new RestContext(version, ApiSurface.Data);
        method = method.ToUpperInvariant();
        return segments switch
        {
            ["query" or "queryAll"] when method == "GET" => Query(query.GetValueOrDefault("q"), rest),
            ["sobjects", var type, "describe"] when method == "GET" => WithType(type, t => new SubrequestResult(200,
                SObjectDescribeWriter.Describe(t, store.Schema, rest))),
            ["sobjects", var type] when method == "POST" => WithType(type, t => Saved(RecordSaver.Create(writer, t, Body(body)), null)),
            ["sobjects", var type, var id] => WithType(type, t => method switch
            {
                "GET" => Read(t, RecordSaver.Find(writer, t, id), query.GetValueOrDefault("fields"), rest),
                "PATCH" => Saved(RecordSaver.Update(writer, t, id, Body(body)), null),
                "DELETE" => Saved(RecordSaver.Delete(writer, t, id), null),
                _ => MethodNotAllowed(method, RecordSaver.RecordMethods(t)),
            }),
            ["sobjects", var type, var field, var value] => WithType(type, t => RecordSaver.ExternalIdField(t, field) is not { } key
                ? SubrequestResult.Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {field}")
                : method switch
                {
                    "GET" => RecordSaver.Match(writer, t, key, value) is [var only]
                        ? Read(t, only, query.GetValueOrDefault("fields"), rest)
                        : SubrequestResult.Error(404, "NOT_FOUND", "The requested resource does not exist"),
                    "PATCH" => Saved(RecordSaver.Upsert(writer, t, key, value, Body(body)), true),
                    "DELETE" => RecordSaver.Match(writer, t, key, value) is [var only]
                        ? Saved(RecordSaver.Delete(writer, t, only.Id), null)
                        : SubrequestResult.Error(404, "NOT_FOUND", "The requested resource does not exist"),
                    _ => MethodNotAllowed(method, "GET,HEAD,PATCH,DELETE"),
                }),
            _ => SubrequestResult.Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist"),
        };
    }

    /// <summary>Reads <c>/services/data/vNN.0/path?query</c> (or <c>vNN.0/path</c>, as batch subrequests write it).</summary>
    private static bool TryParse(string url, out string version, out string[] segments, out Dictionary<string, string> query)
    {
        version = "";
        segments = [];
        query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var questionMark = url.IndexOf('?', StringComparison.Ordinal);
        var path = (questionMark < 0 ? url : url[..questionMark]).Trim('/');
        if (path.StartsWith("services/data/", StringComparison.OrdinalIgnoreCase))
        {
            path = path["services/data/".Length..];
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0].Length < 2 || parts[0][0] != 'v' || !RestContext.IsValidVersion(parts[0][1..]))
        {
            return false;
        }

        version = parts[0][1..];
        segments = [.. parts[1..].Select(Uri.UnescapeDataString)];
        if (questionMark >= 0)
        {
            foreach (var pair in url[(questionMark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                query[name] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return true;
    }

    private SubrequestResult Query(string? q, RestContext rest)
    {
        var outcome = soql.Execute(q, ApiSurface.Data);
        if (outcome.Error is { } error)
        {
            return SubrequestResult.Error(StatusCodes.Status400BadRequest, error.ErrorCode, error.Message);
        }

        var rows = QueryRecordWriter.Write(outcome.Result!, store, rest);
        return new SubrequestResult(StatusCodes.Status200OK, new JsonObject
        {
            ["totalSize"] = outcome.Result!.TotalSize,
            ["done"] = true,
            ["records"] = new JsonArray([.. rows]),
        });
    }

    private SubrequestResult WithType(string name, Func<SObjectDefinition, SubrequestResult> run) =>
        store.Schema.FindObject(name) is { } type && (type.Surface & ApiSurface.Data) != 0
            ? run(type)
            : SubrequestResult.Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");

    private static SubrequestResult Read(SObjectDefinition type, SObjectRecord? record, string? fields, RestContext rest)
    {
        if (record is null)
        {
            return SubrequestResult.Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");
        }

        if (SObjectEndpoints.SelectFields(type, fields, out var selected) is { } error)
        {
            var first = error.Value![0];
            return SubrequestResult.Error(StatusCodes.Status400BadRequest, first.ErrorCode, first.Message);
        }

        return new SubrequestResult(StatusCodes.Status200OK, SObjectEndpoints.RecordNode(type, record, selected, rest));
    }

    private static SubrequestResult Saved(SaveOutcome outcome, bool? reportCreated)
    {
        if (!outcome.Success)
        {
            return SubrequestResult.Error(outcome.Status, outcome.Error!.ErrorCode, outcome.Error.Message, outcome.Error.Fields);
        }

        if (outcome.Record is null || outcome.Status == StatusCodes.Status204NoContent)
        {
            return new SubrequestResult(StatusCodes.Status204NoContent, null);
        }

        var body = new JsonObject { ["id"] = outcome.Record.Id, ["success"] = true, ["errors"] = new JsonArray() };
        if (reportCreated is true)
        {
            body["created"] = outcome.Created;
        }

        return new SubrequestResult(outcome.Status, body);
    }

    private static SubrequestResult MethodNotAllowed(string method, string allowed) =>
        SubrequestResult.Error(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"HTTP Method '{method}' not allowed. Allowed are {allowed}");

    private static JsonElement Body(JsonElement? body) => body ?? JsonSerializer.SerializeToElement(new JsonObject());
}
