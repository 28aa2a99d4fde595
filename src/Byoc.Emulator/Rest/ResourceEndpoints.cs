using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest;

/// <summary><c>GET /services/data/vNN.0</c>: the resource map; the sf CLI uses it as its auth "ping" (org-emulation.md §4.2).</summary>
internal static class ResourceEndpoints
{
    /// <summary>
    /// Only what the emulated org serves (issue 19.3: a client that follows the map must not meet a 404). The names and
    /// paths are a real org's; everything else a real org lists is left out.
    /// </summary>
    private static readonly string[] s_dataResources =
        ["tooling", "query", "queryAll", "search", "parameterizedSearch", "identity", "composite", "limits", "sobjects"];

    private static readonly string[] s_toolingResources = ["sobjects", "query"];

    public static void Map(RouteGroupBuilder data, RouteGroupBuilder tooling)
    {
        data.MapGet("", (HttpContext context, string version) => TypedResults.Json(Resources(context, $"/services/data/v{version}", s_dataResources)));
        tooling.MapGet("", (HttpContext context, string version) =>
            TypedResults.Json(Resources(context, $"/services/data/v{version}/tooling", s_toolingResources)));
    }

    private static JsonObject Resources(HttpContext context, string basePath, string[] names)
    {
        var map = new JsonObject();
        foreach (var name in names)
        {
            if (name == "identity")
            {
                var caller = RestAuthentication.Caller(context);
                map[name] = InstanceUrls.Identity(context, caller.OrgId, caller.UserId);
            }
            else
            {
                map[name] = $"{basePath}/{name}";
            }
        }

        return map;
    }
}
