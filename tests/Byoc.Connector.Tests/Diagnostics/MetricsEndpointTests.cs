using System.Net;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Connector.Tests.Pipeline;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Prometheus;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Diagnostics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterWebhookPosts_ParsesAndCountsMessagesPerChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        // A channel name of its own: other tests in this process publish to the same meter name.
        var channel = "m" + Guid.NewGuid().ToString("N")[..12];
        await using var host = await ConnectorHost.StartAsync(ct, null,
            $"--Connector:Webhook:Channels:{channel}:ChannelAddressIdentifier={Guid.NewGuid()}",
            $"--Connector:Webhook:Channels:{channel}:Secret={ConnectorHost.Secret}",
            $"--Connector:Webhook:Channels:{channel}:OutboundUrl=http://127.0.0.1:9/unused");
        using var client = host.Connector.CreateClient();

        (await client.SendAsync(WebhookClient.Signed(channel, """{"type":"message","id":"m1","userId":"u1","text":"hi"}""", id: "e1"), ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed(channel, """{"type":"message","id":"m2","userId":"u1","text":"again"}""", id: "e2"), ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed(channel, """{"type":"message","id":"m2","userId":"u1","text":"again"}""", id: "e3"), ct)).Dispose();
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count >= 2);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var families = PrometheusText.Parse(text);

        Assert.Equal("counter", families["byoc_messages_in_total"].Type);
        Assert.Equal(2, Assert.Single(families["byoc_messages_in_total"].Samples, s => s.Has(("channel", channel))).Value);
        Assert.Equal("histogram", families["byoc_delivery_duration_seconds"].Type);
        Assert.Contains(families["byoc_delivery_duration_seconds"].Samples, s => s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Has(("queue", "inbox")) && s.Value >= 2);
    }

    [Fact]
    public async Task Metrics_AfterAgentMessage_CountsMessageOutAndPubSubLag()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct);
        using var client = host.Connector.CreateClient();
        var entryTime = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(3);

        await host.Services.GetRequiredService<IPlatformEventHandler>().HandleAsync(new PlatformEvent("/event/Conversation__e",
            Guid.NewGuid().ToString(), [0, 0, 0, 1], "Interaction", AgentEvents.Text("entry-1", "Hello", created: entryTime)), ct);
        await WaitFor.ConditionAsync(() => !host.CustomerRequests.IsEmpty);

        // Other tests in this process may add to the same instruments, hence lower bounds.
        IReadOnlyDictionary<string, PrometheusFamily> families = new Dictionary<string, PrometheusFamily>();
        await WaitFor.ConditionAsync(() =>
        {
            families = PrometheusText.Parse(client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).GetAwaiter().GetResult());
            return families.ContainsKey("byoc_messages_out_total");
        });
        Assert.True(Assert.Single(families["byoc_messages_out_total"].Samples, s => s.Has(("channel", "web"))).Value >= 1);
        Assert.Equal("histogram", families["byoc_pubsub_lag_seconds"].Type);
        Assert.True(Assert.Single(families["byoc_pubsub_lag_seconds"].Samples, s => s.Name == "byoc_pubsub_lag_seconds_count").Value >= 1);
        Assert.True(Assert.Single(families["byoc_pubsub_lag_seconds"].Samples, s => s.Name == "byoc_pubsub_lag_seconds_sum").Value >= 170);
    }
}
