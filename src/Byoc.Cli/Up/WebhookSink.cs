using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Byoc.Cli.Up;

/// <summary>
/// Where the <c>webhook</c> channel delivers when <c>byoc up</c> runs without <c>--webhook-url</c>: an endpoint on the
/// connector itself that answers 204 (so the connector acknowledges Delivered) and keeps the last 100 messages in memory,
/// newest last, for <c>GET /up/webhook-sink</c>.
/// </summary>
internal static class WebhookSink
{
    public const string Path = "/up/webhook-sink";

    private const int Capacity = 100;

    public static IEndpointRouteBuilder MapWebhookSink(this IEndpointRouteBuilder endpoints)
    {
        var received = new ConcurrentQueue<JsonNode>();
        endpoints.MapPost(Path, async Task<Results<NoContent, BadRequest>> (HttpRequest request, CancellationToken cancellationToken) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                return TypedResults.BadRequest();
            }

            if (body is null)
            {
                return TypedResults.BadRequest();
            }

            received.Enqueue(body);
            while (received.Count > Capacity && received.TryDequeue(out _))
            {
            }

            return TypedResults.NoContent();
        });
        // Every end user's deliveries, unauthenticated: for this machine only.
        endpoints.MapGet(Path, () => TypedResults.Text(new JsonArray([.. received.Select(node => node.DeepClone())]).ToJsonString(),
            "application/json")).RequireLoopback($"GET {Path}");
        return endpoints;
    }
}
