using System.Collections.Concurrent;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Diagnostics;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpointSet_WebhookMessage_ExportsTracesAndMetricsOverOtlpHttp()
    {
        var ct = TestContext.Current.CancellationToken;
        var received = new ConcurrentQueue<(string Path, string? ContentType, long Length)>();
        var collector = WebApplication.CreateSlimBuilder().Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            received.Enqueue((context.Request.Path, context.Request.ContentType, buffer.Length));
            return Results.Ok();
        });
        await using var otlp = await LoopbackServer.StartAsync(collector, ct);
        await using var host = await ConnectorHost.StartAsync(ct, null,
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={otlp.BaseAddress.GetLeftPart(UriPartial.Authority)}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_BSP_SCHEDULE_DELAY=100",
            "--OTEL_METRIC_EXPORT_INTERVAL=200");
        using var client = host.Connector.CreateClient();

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct)).Dispose();

        await WaitFor.ConditionAsync(() => received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/metrics"));
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.All(received, r => Assert.True(r.Length > 0));
    }
}
