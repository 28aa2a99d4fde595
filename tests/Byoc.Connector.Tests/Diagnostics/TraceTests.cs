using System.Diagnostics;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Connector.Tests.Pipeline;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Byoc.Connector.Tests.Diagnostics;

/// <summary>
/// One trace follows a message across the durable queues, exported to OpenTelemetry's in-memory exporter. Spans are
/// picked by the trace id the connector propagated to the receiving server, so other tests' spans do not interfere.
/// </summary>
public sealed class TraceTests
{
    [Fact]
    public async Task Webhook_Message_OneTraceFromRequestThroughInboxToInteractionApi()
    {
        var ct = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        using var tracing = StartTracing(spans);
        await using var host = await ConnectorHost.StartAsync(ct);
        using var client = host.Connector.CreateClient();

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        var traceId = TraceIdOf(host.Scrt.Requests.First(r => r.Path == "/api/v1/interactions").Header("traceparent"));
        // The test's own request and the fake Interaction API add a client and a server span to the same trace.
        var trace = await WaitForSpansAsync(spans, traceId, "inbox deliver");
        var commit = Assert.Single(trace, s => s.DisplayName == "inbox commit");
        var deliver = Assert.Single(trace, s => s.DisplayName == "inbox deliver");
        var receive = Assert.Single(trace, s => s.SpanId == commit.ParentSpanId);
        // The first call under the deliver span may be the token mint; the forward is the one to the Interaction API.
        var call = Assert.Single(trace, s => s.ParentSpanId == deliver.SpanId
            && (s.GetTagItem("url.full") as string)?.EndsWith("/api/v1/interactions", StringComparison.Ordinal) == true);
        Assert.Equal((ActivityKind.Server, "Microsoft.AspNetCore"), (receive.Kind, receive.Source.Name));
        Assert.Equal(commit.SpanId, deliver.ParentSpanId);
        Assert.Equal((ActivityKind.Client, "System.Net.Http"), (call.Kind, call.Source.Name));
        Assert.Equal("web", commit.GetTagItem("byoc.channel"));
        Assert.Equal("Done", deliver.GetTagItem("byoc.outcome"));
    }

    [Fact]
    public async Task PubSubEvent_AgentMessage_OneTraceFromEventThroughOutboxToChannelSend()
    {
        var ct = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        using var tracing = StartTracing(spans);
        await using var host = await ConnectorHost.StartAsync(ct);

        await host.Services.GetRequiredService<IPlatformEventHandler>().HandleAsync(
            new PlatformEvent("/event/Conversation__e", Guid.NewGuid().ToString(), [0, 0, 0, 1], "Interaction", AgentEvents.Text("entry-1", "Hello from the agent")), ct);

        await WaitFor.ConditionAsync(() => !host.CustomerRequests.IsEmpty);
        var traceId = TraceIdOf(host.CustomerRequests.First().Header("traceparent"));
        var trace = await WaitForSpansAsync(spans, traceId, "outbox deliver");
        var received = Assert.Single(trace, s => s.DisplayName == "pubsub event");
        var deliver = Assert.Single(trace, s => s.DisplayName == "outbox deliver");
        var send = Assert.Single(trace, s => s.ParentSpanId == deliver.SpanId && s.Source.Name == "System.Net.Http");
        Assert.Equal(received.SpanId, deliver.ParentSpanId);
        Assert.EndsWith("/inbox", send.GetTagItem("url.full") as string, StringComparison.Ordinal);
        Assert.Equal("web", received.GetTagItem("byoc.channel"));
    }

    private static TracerProvider StartTracing(List<Activity> spans) => Sdk.CreateTracerProviderBuilder()
        .AddSource(ConnectorActivities.SourceName, "Microsoft.AspNetCore", "System.Net.Http")
        .AddInMemoryExporter(spans)
        .Build();

    private static ActivityTraceId TraceIdOf(string? traceParent)
    {
        Assert.True(ActivityContext.TryParse(traceParent, null, out var context), $"No W3C traceparent was propagated: '{traceParent}'.");
        return context.TraceId;
    }

    /// <summary>Waits until the span named <paramref name="last"/> (which ends after its children) has been exported.</summary>
    private static async Task<Activity[]> WaitForSpansAsync(List<Activity> spans, ActivityTraceId traceId, string last)
    {
        Activity[] Snapshot()
        {
            lock (spans)
            {
                return [.. spans.Where(s => s.TraceId == traceId)];
            }
        }

        await WaitFor.ConditionAsync(() => Snapshot().Any(s => s.DisplayName == last));
        return Snapshot();
    }
}
