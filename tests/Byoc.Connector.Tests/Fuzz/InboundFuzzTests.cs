using System.Collections.Concurrent;
using System.Net;
using Byoc.Connector.Tests.Channels.WebChat;
using Byoc.TestUtilities.Fuzz;
using CsCheck;

namespace Byoc.Connector.Tests.Fuzz;

/// <summary>
/// Property: whatever a correctly signed (or authenticated) caller sends, the connector's door answers a 2xx or a 4xx
/// with a problem body, never a 5xx, and keeps answering. Bounded in CI (<see cref="JsonMutations.Iterations"/>), longer
/// with eng/test.sh --fuzz (issue 18 item 10).
/// </summary>
public sealed class InboundFuzzTests
{
    [Fact]
    public async Task Webhook_MutatedSignedBodies_NeverAServerError()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Webhook:Channels:web:MaxBodyBytes=262144");
        using var client = host.Connector.CreateClient();
        var id = 0;
        var statuses = new ConcurrentDictionary<int, int>();

        await JsonMutations.Of(
                """{"type":"message","id":"m1","userId":"u1","text":"hello"}""",
                """{"type":"attachment","id":"f1","userId":"u1","attachment":{"name":"a.png","mimeType":"image/png","data":"iVBORw0KGgo="}}""",
                """{"type":"choice","id":"c1","userId":"u1","entryId":"e1","optionId":"o1","text":"Tomorrow"}""",
                """{"type":"status","id":"s1","userId":"u1","messageId":"e1","status":"read"}""",
                """{"type":"typing.started","id":"t1","userId":"u1"}""")
            .SampleAsync(async body =>
            {
                using var response = await client.SendAsync(WebhookClient.Signed("web", body, id: $"evt-{Interlocked.Increment(ref id)}"), Ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
            }, iter: JsonMutations.Iterations, threads: 1);

        // The mutations reach both sides of the parser: some bodies are still accepted, others refused.
        Assert.Contains(statuses.Keys, s => s is 202);
        Assert.Contains(statuses.Keys, s => s is >= 400 and < 500);
        using var healthy = await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"after","userId":"u1","text":"still here"}"""), Ct);
        Assert.Equal(HttpStatusCode.Accepted, healthy.StatusCode);
    }

    [Fact]
    public async Task WebChat_MutatedPageEvents_NeverAServerError()
    {
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);
        var statuses = new ConcurrentDictionary<int, int>();

        await JsonMutations.Of(
                """{"type":"message","id":"m-1","text":"hello"}""",
                """{"type":"choice","id":"c-1","entryId":"e2","optionId":"o-2","text":"Tomorrow"}""",
                """{"type":"status","id":"r-1","entryId":"e1","status":"read"}""",
                """{"type":"typing.started","id":"t-1"}""")
            .SampleAsync(async body =>
            {
                using var response = await WebChatTestHost.PostAsync(client, session.Token, body);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
            }, iter: JsonMutations.Iterations, threads: 1);

        Assert.Contains(statuses.Keys, s => s is 202);
        Assert.Contains(statuses.Keys, s => s is >= 400 and < 500);
        using var healthy = await WebChatTestHost.PostAsync(client, session.Token, """{"type":"message","id":"after","text":"still here"}""");
        Assert.Equal(HttpStatusCode.Accepted, healthy.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
