using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// <c>GET /limits</c> (what <c>sf org list limits</c> reads) and <c>GET /limits/recordCount?sObjects=A,B</c> (what
/// <c>sf org list sobject record-counts</c> reads; REST API Developer Guide, "Record Count"), plus the filter that counts
/// every REST call against DailyApiRequests and reports it in <c>Sforce-Limit-Info</c>.
/// </summary>
internal static class LimitsEndpoints
{
    public static void Map(RouteGroupBuilder data)
    {
        data.MapGet("/limits", (OrgLimits limits) => TypedResults.Json(limits.Write()));
        data.MapGet("/limits/recordCount", RecordCount);
    }

    /// <summary>Counts the call and answers with the usage header, as real REST responses carry it.</summary>
    public static async ValueTask<object?> CountCall(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<OrgLimits>();
        limits.Count(OrgLimits.DailyApiRequests);
        http.Response.Headers["Sforce-Limit-Info"] =
            $"api-usage={limits.Used(OrgLimits.DailyApiRequests)}/{OrgLimits.Max(OrgLimits.DailyApiRequests)}";
        return await next(context);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonObject> RecordCount(OrgStore store, string? sObjects)
    {
        var requested = (sObjects ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var types = requested.Length > 0
            ? requested.Select(store.Schema.FindObject).OfType<SObjectDefinition>()
            : store.Schema.Objects;
        var counts = types
            .Where(t => (t.Surface & ApiSurface.Data) != 0 && t.Capabilities.HasFlag(SObjectCapabilities.Queryable) && !t.IsPlatformEvent)
            .Select(t => (t.Name, Count: store.Records(t.Name).Count))
            .Where(c => requested.Length > 0 || c.Count > 0)
            .Select(c => (JsonNode)new JsonObject { ["count"] = c.Count, ["name"] = c.Name });
        return TypedResults.Json(new JsonObject { ["sObjects"] = new JsonArray([.. counts]) });
    }
}
