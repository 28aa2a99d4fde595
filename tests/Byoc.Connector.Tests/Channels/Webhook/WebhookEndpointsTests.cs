using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Mvc;

namespace Byoc.Connector.Tests.Channels.Webhook;

public sealed class WebhookEndpointsTests : IAsyncLifetime
{
    private ConnectorHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        _client = _host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "bad-signature", 401, "webhook-signature does not match" },
        { "stale-timestamp", 401, "webhook-timestamp is not within" },
        { "missing-headers", 401, "headers are required" },
        { "malformed-json", 400, "not valid JSON" },
        { "missing-field", 400, "userId" },
        { "oversize", 413, "exceeds the channel's limit of 1024 bytes" },
        { "wrong-content-type", 415, "Expected Content-Type application/json" },
        { "unknown-channel", 404, "No webhook channel named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_ReturnsProblemAndStoresNothing(string scenario, int status, string detail)
    {
        using var request = scenario switch
        {
            "bad-signature" => WebhookClient.Signed("web", Text("m1"), secret: "whsec_b3RoZXItc2VjcmV0"),
            "stale-timestamp" => WebhookClient.Signed("web", Text("m1"), timestamp: TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds()),
            "missing-headers" => Unsigned(Text("m1")),
            "malformed-json" => WebhookClient.Signed("web", "{\"type\":"),
            "missing-field" => WebhookClient.Signed("web", """{"type":"message","id":"m1","text":"hi"}"""),
            "oversize" => WebhookClient.Signed("web", Text("m1", new string('x', 2000))),
            "wrong-content-type" => WebhookClient.Signed("web", Text("m1"), contentType: "text/plain"),
            _ => WebhookClient.Signed("nope", Text("m1")),
        };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Contains(detail, problem?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountRowsAsync("inbox"));
        Assert.Equal(0, await _host.CountRowsAsync("conversations"));
    }

    [Fact]
    public async Task Post_SameMessageIdTwice_StoresAndForwardsOnce()
    {
        var ct = TestContext.Current.CancellationToken;

        using var first = await _client.SendAsync(WebhookClient.Signed("web", Text("m1", "hello")), ct);
        using var second = await _client.SendAsync(WebhookClient.Signed("web", Text("m1", "hello"), id: "evt-retry"), ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonObject>(ct))!["stored"]!.GetValue<int>());
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonObject>(ct))!["duplicates"]!.GetValue<int>());
        await WaitFor.ConditionAsync(() => !_host.Scrt.Requests.IsEmpty);
        await _host.SettleAsync();
        Assert.Single(_host.Scrt.Requests, r => r.Path == "/api/v1/interactions");
        Assert.Equal(1, await _host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Post_ConcurrentRetriesOfSameMessage_StoreOneRow()
    {
        var ct = TestContext.Current.CancellationToken;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.SendAsync(WebhookClient.Signed("web", Text("same")), ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, await _host.CountRowsAsync("inbox"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static string Text(string id, string text = "hi") =>
        $$"""{"type":"message","id":"{{id}}","userId":"u1","text":"{{text}}"}""";

    private static HttpRequestMessage Unsigned(string json) =>
        new(HttpMethod.Post, new Uri("/webhooks/web", UriKind.Relative)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
}
