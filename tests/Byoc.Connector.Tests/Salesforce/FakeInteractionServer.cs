using System.Collections.Concurrent;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>A stand-in for the Interaction Service API on loopback Kestrel that records requests and answers as told.</summary>
internal sealed class FakeInteractionServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeInteractionServer(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers queued per call, oldest first; when empty the default answer is used.</summary>
    public ConcurrentQueue<Func<RecordedRequest, IResult>> Answers { get; } = new();

    public Func<RecordedRequest, IResult> DefaultAnswer { get; set; } = request => request.Path switch
    {
        "/api/v1/interactions" => Results.Json(new { conversationIdentifier = "conv-1", workItemIds = new[] { "0Mw000000000001" }, success = true }, statusCode: 202),
        "/api/v1/conversation" => Results.Json(new { conversationIdentifier = "conv-1", messagingSessionId = "0Mw000000000001", success = true }, statusCode: 202),
        _ => Results.Json(new { success = true }),
    };

    public static async Task<FakeInteractionServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        FakeInteractionServer? self = null;
        app.Map("/api/v1/{**rest}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value!,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray());
            self!.Requests.Enqueue(recorded);
            var answer = self.Answers.TryDequeue(out var queued) ? queued : self.DefaultAnswer;
            return answer(recorded);
        });
        self = new FakeInteractionServer(await LoopbackServer.StartAsync(app, cancellationToken));
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
