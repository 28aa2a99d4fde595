using System.Collections.Concurrent;
using System.Threading.Channels;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Byoc.Platforms.Tests;

/// <summary>A stand-in for the connector's webhook endpoint: records each request and answers the statuses queued.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly ConcurrentQueue<int> _statuses = new();
    private LoopbackServer _server = null!;

    /// <summary>The webhook URL, with a query string so signatures are checked over one.</summary>
    public Uri Url => new(_server.BaseAddress, "hooks/platform?channel=test");

    /// <summary>While set, requests wait for it before answering (a slow receiver).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks/platform", (Func<HttpContext, Task<IResult>>)receiver.HandleAsync);
        receiver._server = await LoopbackServer.StartAsync(app, cancellationToken);
        return receiver;
    }

    /// <summary>The next requests get these statuses in order; after them, 200.</summary>
    public void RespondWith(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public async Task<ReceivedRequest> NextAsync(CancellationToken cancellationToken) =>
        await _received.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

    public bool TryTake(out ReceivedRequest? request) => _received.Reader.TryRead(out request);

    public ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        return _server.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var url = new Uri(_server.BaseAddress, context.Request.Path + context.Request.QueryString);
        _received.Writer.TryWrite(new ReceivedRequest(url, headers, buffer.ToArray(), context.Request.ContentType));
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(context.RequestAborted);
        }

        return TypedResults.StatusCode(_statuses.TryDequeue(out var status) ? status : 200);
    }
}
