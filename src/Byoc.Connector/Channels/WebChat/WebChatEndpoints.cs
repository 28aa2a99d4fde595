using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// The web chat API under <c>/chat/{channel}</c>: <c>POST session</c> issues or renews a visitor token; <c>POST messages</c>
/// takes the page's events like a webhook (size cap 413, JSON only 415, token on the raw request 401, shape 400, then
/// insert-or-ignore into the inbox and 202 only after the commit); <c>GET events</c> is the visitor's server-sent event
/// stream (see <see cref="WebChatEventStream"/>).
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

    internal static async Task<Results<Accepted<WebChatAcceptedResponse>, ProblemHttpResult>> ReceiveAsync(
        string channel, HttpRequest request, ChannelRegistry channels, InboundIngestor ingestor, WebChatHub hub,
        CancellationToken cancellationToken)
    {
        if (channels.Find(channel) is not WebChatChannel chat)
        {
            return UnknownChannel(channel);
        }

        if (!IsJson(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Expected Content-Type application/json, got '{request.ContentType}'.");
        }

        var max = chat.Settings.MaxBodyBytes;
        var body = request.ContentLength > max ? null : await ReadBodyAsync(request, max, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds the channel's limit of {max} bytes.");
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var parsed = chat.Inbound.Parse(chat.Name, new InboundRequest(headers, body));
        switch (parsed.Status)
        {
            case InboundParseStatus.Unauthenticated:
                return Problem(StatusCodes.Status401Unauthorized, "Invalid session", parsed.Error!);
            case InboundParseStatus.Malformed:
                return Problem(StatusCodes.Status400BadRequest, "Malformed body", parsed.Error!);
        }

        // The visitor's own messages join the chat log before the inbox commit. Once committed, a message may be forwarded
        // and answered at once (by this or another instance), and the answer must not be logged above the message it
        // answers: a reload would then show a different order than the live page. If the inbox write fails, the page gets
        // a 5xx and re-sends the same id; both writes are idempotent on it.
        foreach (var message in parsed.Messages)
        {
            if (message.Kind is InboundKind.Text or InboundKind.ChoiceResponse)
            {
                await hub.AppendAsync(chat.Name, message.PlatformUserId, WebChatEvents.FromCustomer(message), cancellationToken);
            }
        }

        var result = await ingestor.IngestAsync(chat, parsed.Messages, cancellationToken);
        return TypedResults.Accepted((string?)null, new WebChatAcceptedResponse(result.Stored, result.Duplicates));
    }

    internal static ProblemHttpResult UnknownChannel(string channel) =>
        Problem(StatusCodes.Status404NotFound, "Unknown channel", $"No web chat channel named '{channel}' is configured.");

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
