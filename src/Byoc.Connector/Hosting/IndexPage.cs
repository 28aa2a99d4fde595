using System.Net;
using System.Reflection;
using System.Text;

namespace Byoc.Connector.Hosting;

/// <summary>
/// <c>GET /</c>: a small page that says this is the BYOC connector and links what a person can open: the web chat
/// pages, health, metrics. It names no secret and no webhook channel (those are for platforms, not visitors).
/// </summary>
internal static class IndexPage
{
    public static IEndpointRouteBuilder MapConnectorIndex(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (IConfiguration configuration) => TypedResults.Content(Render(configuration), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    internal static string Render(IConfiguration configuration)
    {
        var version = typeof(IndexPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var chats = configuration.GetSection("Connector:WebChat:Channels").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BYOC Connector</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>")
            .Append("<body style=\"font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem\">")
            .Append("<h1>BYOC Connector</h1><p>Links messaging channels to a Salesforce Agentforce Service Agent. Version ")
            .Append(WebUtility.HtmlEncode(version.Split('+')[0])).Append(".</p><ul>");
        foreach (var chat in chats)
        {
            var path = "/chat/" + Uri.EscapeDataString(chat);
            html.Append("<li>Web chat <a href=\"").Append(path).Append("\">").Append(WebUtility.HtmlEncode(path)).Append("</a></li>");
        }

        html.Append("<li>Liveness <a href=\"/healthz/live\">/healthz/live</a>, readiness <a href=\"/healthz/ready\">/healthz/ready</a></li>")
            .Append("<li>Metrics (Prometheus) <a href=\"/metrics\">/metrics</a></li>")
            .Append("<li>Platforms post to <code>/webhooks/{channel}</code>; operators use <code>/admin</code> with the admin key</li>")
            .Append("</ul></body></html>");
        return html.ToString();
    }
}
