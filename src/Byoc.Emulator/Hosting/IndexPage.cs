using System.Net;
using System.Text;

namespace Byoc.Emulator.Hosting;

/// <summary>
/// <c>GET /</c> on the org instance: a small page that says this is the emulated org and links the rep console, with the
/// addresses of the other two listeners (it serves no secret: the credentials come from <c>byoc emulator credentials</c>).
/// </summary>
internal static class IndexPage
{
    public static IEndpointRouteBuilder MapIndexPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (EmulatorAddresses addresses) => TypedResults.Content(Render(addresses), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static string Render(EmulatorAddresses addresses)
    {
        static string Code(Uri url) => "<code>" + WebUtility.HtmlEncode(url.ToString()) + "</code>";
        return new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BYOC emulated Salesforce org</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>")
            .Append("<body style=\"font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem\">")
            .Append("<h1>Emulated Salesforce org</h1><p>A local stand-in for a Salesforce org, for BYOC Connector.</p><ul>")
            .Append("<li>Rep console <a href=\"/console\">/console</a> (reps answer escalated conversations here)</li>")
            .Append("<li>OAuth <code>/services/oauth2/token</code>, REST <code>/services/data</code> on this address</li>")
            .Append("<li>Interaction Service API ").Append(Code(addresses.ScrtUrl)).Append("</li>")
            .Append("<li>Pub/Sub API (gRPC) ").Append(Code(addresses.PubSubUrl)).Append("</li>")
            .Append("<li>Everything a client needs: <code>byoc emulator credentials</code></li>")
            .Append("</ul></body></html>")
            .ToString();
    }
}
