using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest;

/// <summary><c>GET /services/data/vNN.0</c>: the resource map; the sf CLI uses it as its auth "ping" (org-emulation.md §4.2).</summary>
internal static class ResourceEndpoints
{
    private static readonly string[] s_dataResources =
    [
        "tooling", "metadata", "eclair", "folders", "prechatForms", "contact-tracing", "jsonxform", "chatter", "tabs",
        "appMenu", "quickActions", "queryAll", "commerce", "wave", "iot", "analytics", "search", "smartdatadiscovery",
        "identity", "composite", "parameterizedSearch", "fingerprint", "theme", "nouns", "domino", "event", "serviceTemplates",
        "recent", "connect", "licensing", "limits", "process", "async-queries", "query", "match", "emailConnect", "compactLayouts",
        "knowledgeManagement", "sobjects", "actions", "support",
    ];

    private static readonly string[] s_toolingResources =
        ["sobjects", "query", "search", "completions", "executeAnonymous", "runTestsAsynchronous", "runTestsSynchronous"];

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
