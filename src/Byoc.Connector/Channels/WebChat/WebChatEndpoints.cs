using Byoc.Connector.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// The web chat API under <c>/chat/{channel}</c>: <c>POST session</c> issues or renews a visitor token; <c>POST messages</c>
/// is the front door for the page's events (size cap 413, JSON only 415, token on the raw request 401, shape 400, then
/// insert-or-ignore into the inbox and 202 only after the commit; see <see cref="WebChatInboundAdapter"/>); <c>GET events</c>
/// is the visitor's server-sent event stream (see <see cref="WebChatEventStream"/>).
/// </summary>
internal static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/chat");
        group.MapPost("/{channel}/session", IssueSession).DisableAntiforgery();
        group.MapPost("/{channel}/messages", ReceiveAsync).DisableAntiforgery();
        group.MapGet("/{channel}/events", WebChatEventStream.StreamAsync);
        group.MapWebChatFiles();
        group.MapWebChatPages();
        return endpoints;
    }

    internal static Results<Ok<WebChatSession>, ProblemHttpResult> IssueSession(string channel, HttpRequest request, ChannelRegistry channels)
    {
        if (channels.Find(channel) is not WebChatChannel chat)
        {
            return UnknownChannel(channel);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return TypedResults.Ok(chat.Tokens.Issue(WebChatSessionTokens.NewVisitorId()));
        }

        var current = chat.Tokens.Verify(WebChatInboundAdapter.BearerToken(authorization), out var error);
        return current is null
            ? Problem(StatusCodes.Status401Unauthorized, "Invalid session", error!)
            : TypedResults.Ok(chat.Tokens.Issue(current.VisitorId));
    }

    /// <summary>The page's events: an alias of the front door (<c>/channels/{channel}</c>) for web chat channels only.</summary>
    internal static Task<IResult> ReceiveAsync(string channel, HttpContext context, ChannelRegistry channels, InboundDoor door,
        CancellationToken cancellationToken) =>
        channels.Find(channel) is WebChatChannel chat
            ? door.ReceiveAsync(context, chat, null, cancellationToken)
            : Task.FromResult<IResult>(UnknownChannel(channel));

    internal static ProblemHttpResult UnknownChannel(string channel) =>
        Problem(StatusCodes.Status404NotFound, "Unknown channel", $"No web chat channel named '{channel}' is configured.");

    internal static ProblemHttpResult Problem(int status, string title, string detail) => InboundDoor.Problem(status, title, detail);
}
