using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.EndToEnd.Tests;

/// <summary>The external messaging platform's receiving end on loopback Kestrel: records every signed POST of the connector.</summary>
internal sealed class PlatformSink : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private PlatformSink(LoopbackServer server, ConcurrentQueue<Delivery> deliveries)
    {
        _server = server;
        Deliveries = deliveries;
    }

    public ConcurrentQueue<Delivery> Deliveries { get; }

    public Uri OutboundUrl => new(_server.BaseAddress, "/outbound");

    public static async Task<PlatformSink> StartAsync(CancellationToken cancellationToken)
    {
        var deliveries = new ConcurrentQueue<Delivery>();
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapPost("/outbound", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            deliveries.Enqueue(new Delivery(context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(), buffer.ToArray()));
            return Results.NoContent();
        });
        return new PlatformSink(await LoopbackServer.StartAsync(app, cancellationToken), deliveries);
    }

    /// <summary>The first message (type <c>message</c>) whose text contains the fragment, once it arrived.</summary>
    public Task<Delivery> WaitForMessageAsync(string textFragment) => WaitFor.ValueAsync(
        () => Deliveries.FirstOrDefault(d => d.Type == "message" && d.Text?.Contains(textFragment, StringComparison.OrdinalIgnoreCase) == true),
        $"a message containing '{textFragment}' at the platform");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal sealed record Delivery(string WebhookId, string Timestamp, string Signature, byte[] Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string? Type => Json["type"]?.GetValue<string>();

        public string? Text => Json["text"]?.GetValue<string>();

        public string Id => Json["id"]!.GetValue<string>();

        /// <summary>True when one of the <c>v1,</c> signatures is the Standard Webhooks HMAC of this delivery with the secret.</summary>
        public bool IsSignedWith(string secret)
        {
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var signed = Encoding.UTF8.GetBytes($"{WebhookId}.{Timestamp}.").Concat(Body).ToArray();
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
            return Signature.Split(' ').Contains(expected, StringComparer.Ordinal);
        }
    }
}
