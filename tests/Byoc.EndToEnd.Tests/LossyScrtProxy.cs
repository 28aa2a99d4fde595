using System.Collections.Concurrent;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// Sits between the connector and the emulated Interaction Service API and loses the answer of the first
/// <c>POST /api/v1/interactions</c>: the request reaches the org, the connector sees a 503 and retries the same message.
/// </summary>
internal sealed class LossyScrtProxy : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly TaskCompletionSource<Uri> _target;

    private LossyScrtProxy(LoopbackServer server, TaskCompletionSource<Uri> target, ConcurrentQueue<string> answers)
    {
        _server = server;
        _target = target;
        InteractionAnswers = answers;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Status and body of every answer the org gave to <c>POST /api/v1/interactions</c>, in order.</summary>
    public ConcurrentQueue<string> InteractionAnswers { get; }

    public void ForwardTo(Uri scrtUrl) => _target.TrySetResult(scrtUrl);

    public static async Task<LossyScrtProxy> StartAsync(CancellationToken cancellationToken)
    {
        var target = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new ConcurrentQueue<string>();
        var http = new HttpClient();
        var lost = 0;
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Run(async context =>
        {
            var baseUri = await target.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
                new Uri(baseUri, context.Request.Path + context.Request.QueryString));
            if (buffer.Length > 0 || context.Request.ContentType is not null)
            {
                request.Content = new ByteArrayContent(buffer.ToArray());
            }

            foreach (var header in context.Request.Headers)
            {
                if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content?.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
                }
                else if (!string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
                }
            }

            using var response = await http.SendAsync(request, context.RequestAborted);
            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            var isInteraction = context.Request.Method == "POST" && context.Request.Path.StartsWithSegments("/api/v1/interactions");
            if (isInteraction)
            {
                answers.Enqueue($"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                if (Interlocked.Exchange(ref lost, 1) == 0)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        return new LossyScrtProxy(await LoopbackServer.StartAsync(app, cancellationToken), target, answers);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
