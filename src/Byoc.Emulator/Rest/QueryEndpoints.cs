using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

/// <summary>
/// <c>GET …/query?q=</c>, <c>…/queryAll?q=</c> and <c>…/tooling/query?q=</c>, with <c>nextRecordsUrl</c> paging and the
/// <c>&amp;columns=true</c> variant (org-emulation.md §3, §4.3); the <c>Sforce-Query-Options: batchSize</c> header sets the
/// page size of the query and of its later pages.
/// </summary>
internal static class QueryEndpoints
{
    public static void Map(RouteGroupBuilder data, RouteGroupBuilder tooling)
    {
        data.MapGet("/query", (HttpContext context, string? q, string? columns, string version) =>
            Query(context, q, columns, new RestContext(version, ApiSurface.Data), "query"));
        data.MapGet("/queryAll", (HttpContext context, string? q, string? columns, string version) =>
            Query(context, q, columns, new RestContext(version, ApiSurface.Data), "queryAll"));
        tooling.MapGet("/query", (HttpContext context, string? q, string? columns, string version) =>
            Query(context, q, columns, new RestContext(version, ApiSurface.Tooling), "query"));
        data.MapGet("/query/{locator}", NextPage);
        data.MapGet("/queryAll/{locator}", NextPage);
        tooling.MapGet("/query/{locator}", NextPage);
    }

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Query(
        HttpContext context, string? q, string? columns, RestContext rest, string resource)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<OrgStore>();
        var outcome = services.GetRequiredService<SoqlEngine>().Execute(q, rest.Surface);
        if (outcome.Error is { } error)
        {
            return RestErrors.BadRequest(error.ErrorCode, error.Message);
        }

        var result = outcome.Result!;
        if (string.Equals(columns, "true", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Json(ColumnMetadataWriter.Write(result));
        }

        if (!QueryBatchSize.TryRead(context, out var batchSize, out var batchError))
        {
            return batchError;
        }

        var rows = QueryRecordWriter.Write(result, store, rest);
        if (rows.Count <= batchSize)
        {
            return TypedResults.Json(Page(result.TotalSize, rows, null));
        }

        var cursor = services.GetRequiredService<QueryCursorStore>().Open(rows, result.TotalSize, rest, batchSize);
        return TypedResults.Json(Page(result.TotalSize, rows.Take(batchSize), NextUrl(cursor, resource, batchSize)));
    }

    private static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> NextPage(HttpContext context, string locator)
    {
        var services = context.RequestServices;
        var dash = locator.LastIndexOf('-');
        var cursor = dash > 0 ? services.GetRequiredService<QueryCursorStore>().Find(locator[..dash]) : null;
        if (cursor is null || !int.TryParse(locator.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ||
            offset > cursor.Rows.Count)
        {
            return RestErrors.BadRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }

        var batchSize = cursor.BatchSize;
        var end = offset + batchSize;
        var resource = context.Request.Path.Value!.Contains("/queryAll/", StringComparison.Ordinal) ? "queryAll" : "query";
        return TypedResults.Json(Page(cursor.TotalSize, cursor.Rows.Skip(offset).Take(batchSize),
            end < cursor.Rows.Count ? NextUrl(cursor, resource, end) : null));
    }

    private static string NextUrl(QueryCursor cursor, string resource, int offset) =>
        $"{cursor.Rest.BasePath}/{resource}/{cursor.Id}-{offset.ToString(CultureInfo.InvariantCulture)}";

    private static JsonObject Page(int totalSize, IEnumerable<JsonNode> rows, string? nextRecordsUrl)
    {
        var page = new JsonObject { ["totalSize"] = totalSize, ["done"] = nextRecordsUrl is null };
        if (nextRecordsUrl is not null)
        {
            page["nextRecordsUrl"] = nextRecordsUrl;
        }

        // Rows may be served again by a later page request; each response gets its own copies.
        page["records"] = new JsonArray([.. rows.Select(r => r.DeepClone())]);
        return page;
    }
}
