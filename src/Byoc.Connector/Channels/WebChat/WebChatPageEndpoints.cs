using System.Text.Encodings.Web;
using Byoc.Connector.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// The chat page and its assets: <c>GET /chat</c> (redirects to the only web chat channel), <c>GET /chat/{channel}</c>
/// (the page), <c>GET /chat/assets/{file}</c> (script and style) and <c>GET /chat/widget.js</c> (the embeddable launcher).
/// All are embedded in the assembly; the page loads nothing from elsewhere.
/// </summary>
internal static class WebChatPageEndpoints
{
    public static RouteGroupBuilder MapWebChatPages(this RouteGroupBuilder group)
    {
        group.MapGet("/", RedirectToOnlyChannel);
        group.MapGet("/widget.js", Widget);
        group.MapGet("/assets/{file}", Asset);
        group.MapGet("/{channel}", Page);
        return group;
    }

    internal static Results<RedirectHttpResult, ProblemHttpResult> RedirectToOnlyChannel(HttpRequest request, ChannelRegistry channels)
    {
        var chats = channels.All.OfType<WebChatChannel>().ToList();
        return chats.Count == 1
            ? TypedResults.Redirect($"{request.PathBase}/chat/{chats[0].Name}{request.QueryString}")
            : WebChatEndpoints.Problem(StatusCodes.Status404NotFound, "Choose a channel",
                chats.Count == 0 ? "No web chat channel is configured." : "Several web chat channels are configured; open /chat/{channel}.");
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Page(string channel, HttpContext context, ChannelRegistry channels)
    {
        if (channels.Find(channel) is not WebChatChannel chat)
        {
            return WebChatEndpoints.UnknownChannel(channel);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; " +
            $"form-action 'none'; frame-ancestors {chat.Settings.FrameAncestors}";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        var html = WebChatAssets.PageTemplate
            .Replace("{{title}}", HtmlEncoder.Default.Encode(chat.Settings.Title), StringComparison.Ordinal)
            .Replace("{{channel}}", HtmlEncoder.Default.Encode(chat.Name), StringComparison.Ordinal);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    internal static Results<FileContentHttpResult, NotFound> Asset(string file, HttpResponse response) =>
        WebChatAssets.Find(file) is { } asset ? Serve(response, asset) : TypedResults.NotFound();

    internal static FileContentHttpResult Widget(HttpResponse response) => Serve(response, WebChatAssets.Find("widget.js")!);

    private static FileContentHttpResult Serve(HttpResponse response, WebChatAsset asset)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(asset.Content, asset.ContentType, entityTag: asset.EntityTag);
    }
}
