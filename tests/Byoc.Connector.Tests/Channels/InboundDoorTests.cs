using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Connector.Tests.Channels.WebChat;
using Microsoft.AspNetCore.Mvc;

namespace Byoc.Connector.Tests.Channels;

/// <summary>
/// <c>/channels/{channel}</c> serves every configured channel through one door; the older routes are aliases that keep
/// their own channel kind.
/// </summary>
public sealed class InboundDoorTests : IAsyncLifetime
{
    private ConnectorHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebChatTestHost.StartAsync(Ct);
        _client = _host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Post_SignedWebhookAtTheDoor_StoredOnceLikeTheAlias()
    {
        using var door = await _client.SendAsync(At("/channels/web", WebhookClient.Signed("web", Text("m1"))), Ct);
        using var alias = await _client.SendAsync(WebhookClient.Signed("web", Text("m1")), Ct);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (door.StatusCode, alias.StatusCode));
        Assert.Equal(1, (await door.Content.ReadFromJsonAsync<JsonObject>(Ct))!["stored"]!.GetValue<int>());
        Assert.Equal(1, (await alias.Content.ReadFromJsonAsync<JsonObject>(Ct))!["duplicates"]!.GetValue<int>());
        Assert.Equal(1, await _host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Post_WebChatEventAtTheDoor_StoredAndLoggedForTheVisitor()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/channels/{WebChatTestHost.Channel}", UriKind.Relative))
        {
            Content = new StringContent("""{"type":"message","id":"m-1","text":"Hello"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", session.Token);

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Hello", Assert.Single(await _host.InboxAsync()).Text);
    }

    [Theory]
    [InlineData("POST", "/channels/nope", 404, "No channel named 'nope' is configured.")]
    [InlineData("POST", "/webhooks/chat", 404, "No webhook channel named 'chat' is configured.")]
    [InlineData("POST", "/chat/web/messages", 404, "No web chat channel named 'web' is configured.")]
    [InlineData("GET", "/channels/web", 405, "The webhook channel takes POST only.")]
    [InlineData("POST", "/channels/web/status", 404, "The webhook channel has nothing at 'status'.")]
    [InlineData("GET", "/channels/chat", 405, "The web chat channel takes POST only.")]
    public async Task Request_NothingThere_ProblemNamingWhyAndNothingStored(string method, string path, int status, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent(Text("m1"), Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))?.Detail);
        Assert.Equal(0, await _host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Post_FormToAJsonChannel_UnsupportedBeforeTheBodyIsRead()
    {
        using var request = At("/channels/web", WebhookClient.Signed("web", "a=1", contentType: "application/x-www-form-urlencoded"));

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Expected Content-Type application/json, got 'application/x-www-form-urlencoded'",
            (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))?.Detail, StringComparison.Ordinal);
    }

    private static HttpRequestMessage At(string path, HttpRequestMessage request)
    {
        request.RequestUri = new Uri(path, UriKind.Relative);
        return request;
    }

    private static string Text(string id) => $$"""{"type":"message","id":"{{id}}","userId":"u1","text":"hi"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
