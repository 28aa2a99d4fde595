using System.Globalization;
using Byoc.Connector.Pipeline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// <c>GET /chat/{channel}/events</c>: the visitor's server-sent event stream. Log entries go out with their sequence as
/// the SSE id, starting after <c>Last-Event-ID</c> (the browser's automatic reconnect) or else the <c>since</c> query
/// parameter (the page after a reload); live-only events go out without an id. The token comes as
/// <c>access_token</c> in the query, because <c>EventSource</c> cannot send headers, or as a bearer header.
/// </summary>
internal static partial class WebChatEventStream
{
    private const int BatchSize = 100;

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        string channel, HttpContext context, ChannelRegistry channels, WebChatHub hub, IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        if (channels.Find(channel) is not WebChatChannel chat)
        {
            return WebChatEndpoints.UnknownChannel(channel);
        }

        var request = context.Request;
        var token = WebChatInboundAdapter.BearerToken(request.Headers.Authorization.ToString()) ?? request.Query["access_token"].ToString();
        var session = chat.Tokens.Verify(token, out var error);
        if (session is null)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status401Unauthorized, "Invalid session", error!);
        }

        var resumeFrom = request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId ? lastEventId : request.Query["since"].ToString();
        long after = 0;
        if (resumeFrom.Length > 0 && (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, "Bad resume position",
                "Last-Event-ID and 'since' must be a non-negative log sequence number.");
        }

        var logger = loggerFactory.CreateLogger(typeof(WebChatEventStream));
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // Streams never end on their own; shutting down must end them rather than wait for the drain timeout.
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = streamCts.Token;
        using var subscription = hub.Subscribe(chat.Name, session.VisitorId, chat.Settings.HeartbeatInterval);
        Log.StreamOpened(logger, chat.Name, after);
        try
        {
            await response.WriteAsync("retry: 2000\n\n", cancellationToken);
            if (after > 0 && (await hub.Log.ReadAfterAsync(chat.Name, session.VisitorId, after - 1, 1, cancellationToken)).Count == 0)
            {
                // The log is shorter than the page believes (for example a wiped database): the page must start over,
                // or it would ignore every entry up to the sequence it remembers.
                await response.WriteAsync($"data: {WebChatEvents.Serialize(WebChatEvents.Reset)}\n\n", cancellationToken);
                after = 0;
            }

            var readLog = true;
            while (true)
            {
                while (readLog)
                {
                    var entries = await hub.Log.ReadAfterAsync(chat.Name, session.VisitorId, after, BatchSize, cancellationToken);
                    foreach (var entry in entries)
                    {
                        await response.WriteAsync(
                            $"id: {entry.Sequence.ToString(CultureInfo.InvariantCulture)}\ndata: {chat.FileKeys.WithKeys(entry.Payload)}\n\n", cancellationToken);
                        after = entry.Sequence;
                    }

                    readLog = entries.Count == BatchSize;
                }

                await response.Body.FlushAsync(cancellationToken);
                var signal = await subscription.ReadAsync(cancellationToken);
                if (signal.LiveEvent is not null)
                {
                    await response.WriteAsync($"data: {signal.LiveEvent}\n\n", cancellationToken);
                }
                else
                {
                    if (signal.IsHeartbeat)
                    {
                        await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    }

                    // A heartbeat also re-reads the log: another connector instance may have appended without waking us.
                    readLog = true;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.StreamClosed(logger, chat.Name, after);
        }

        return TypedResults.Empty;
    }
}
