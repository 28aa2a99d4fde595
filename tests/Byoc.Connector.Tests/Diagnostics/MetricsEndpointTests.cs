using System.Net;
using Byoc.TestUtilities.Prometheus;

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
}
