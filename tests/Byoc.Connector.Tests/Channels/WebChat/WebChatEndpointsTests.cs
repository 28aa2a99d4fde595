using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Byoc.Connector.Channels.WebChat;
using Byoc.Core.Messages;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatEndpointsTests : IAsyncLifetime
{
    private ConnectorHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WebChatTestHost.StartAsync(TestContext.Current.CancellationToken);
        _client = _host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "no-token", 401, "A session token is required." },
        { "forged-token", 401, "signature is not valid" },
        { "expired-token", 401, "has expired" },
        { "malformed-json", 400, "not valid JSON" },
        { "oversize", 413, "exceeds the channel's limit" },
        { "wrong-content-type", 415, "Expected Content-Type application/json" },
        { "unknown-channel", 404, "No web chat channel named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task PostMessages_BadInput_ReturnsProblemAndStoresNothing(string scenario, int status, string detail)
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        var parts = session.Token.Split('.');
        var text = """{"type":"message","id":"m-1","text":"hi"}""";
        using var response = scenario switch
        {
            "no-token" => await WebChatTestHost.PostAsync(_client, null, text),
            "forged-token" => await WebChatTestHost.PostAsync(_client, $"{WebChatSessionTokens.NewVisitorId()}.{parts[1]}.{parts[2]}", text),
            "expired-token" => await WebChatTestHost.PostAsync(_client, WebChatTestHost.ExpiredToken(session.VisitorId), text),
            "malformed-json" => await WebChatTestHost.PostAsync(_client, session.Token, "{\"type\":"),
            "oversize" => await WebChatTestHost.PostAsync(_client, session.Token, $$"""{"type":"message","id":"m-1","text":"{{new string('x', 20_000)}}"}"""),
            "wrong-content-type" => await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/chat/messages", UriKind.Relative))
            {
                Content = new StringContent(text, Encoding.UTF8, "text/plain"),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", session.Token) },
            }, TestContext.Current.CancellationToken),
            _ => await WebChatTestHost.PostAsync(_client, session.Token, text, channel: "nope"),
        };

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Contains(detail, problem?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountRowsAsync("inbox"));
        Assert.Equal(0, await _host.CountRowsAsync("chat_log"));
    }

    [Fact]
    public async Task PostMessages_SameIdTwice_StoredAndForwardedOnce()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        var json = """{"type":"message","id":"m-1","text":"I need a table for two"}""";

        using var first = await WebChatTestHost.PostAsync(_client, session.Token, json);
        using var second = await WebChatTestHost.PostAsync(_client, session.Token, json);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(1, (int?)(await first.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))?["stored"]);
        Assert.Equal(1, (int?)(await second.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))?["duplicates"]);
        Assert.Equal(1, await _host.CountRowsAsync("inbox"));
        Assert.Equal(1, await _host.CountRowsAsync("chat_log"));
        await WaitFor.ConditionAsync(() => _host.Scrt.Requests.Any(r => r.BodyText.Contains("I need a table for two", StringComparison.Ordinal)));
        await _host.SettleAsync();
        Assert.Single(_host.Scrt.Requests, r => r.BodyText.Contains("I need a table for two", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessages_SameIdFromTwoVisitors_StoresBoth()
    {
        var alice = await WebChatTestHost.NewSessionAsync(_client);
        var bob = await WebChatTestHost.NewSessionAsync(_client);
        var json = """{"type":"message","id":"m-1","text":"hello"}""";

        using var a = await WebChatTestHost.PostAsync(_client, alice.Token, json);
        using var b = await WebChatTestHost.PostAsync(_client, bob.Token, json);

        Assert.NotEqual(alice.VisitorId, bob.VisitorId);
        Assert.Equal(2, await _host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task PostMessages_TypingReceiptsAndChoice_StoredAsCanonicalKinds()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        await ShowAgentEntryAsync(session.VisitorId, "e1");
        string[] bodies =
        [
            """{"type":"typing.started","id":"t-1"}""",
            """{"type":"typing.stopped","id":"t-2"}""",
            """{"type":"status","id":"r-d-e1","entryId":"e1","status":"delivered"}""",
            """{"type":"status","id":"r-r-e1","entryId":"e1","status":"read"}""",
            """{"type":"choice","id":"c-1","entryId":"e2","optionId":"o-2","text":"Tomorrow"}""",
        ];
        foreach (var body in bodies)
        {
            using var response = await WebChatTestHost.PostAsync(_client, session.Token, body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var stored = await _host.InboxAsync();

        Assert.Equal(
            [InboundKind.TypingStarted, InboundKind.TypingStopped, InboundKind.Status, InboundKind.Status, InboundKind.ChoiceResponse],
            stored.Select(m => m.Kind));
        Assert.All(stored, m => Assert.Equal(session.VisitorId, m.PlatformUserId));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Read], stored.Where(m => m.Kind == InboundKind.Status).Select(m => m.Status!.Value));
        Assert.Equal("o-2", stored[^1].ChoiceOptionIdentifier);
        Assert.Equal(2, await _host.CountRowsAsync("chat_log"));
    }

    [Theory]
    [InlineData("read")]
    [InlineData("delivered")]
    public async Task PostMessages_StatusOfAnotherVisitorsEntry_404AndNothingStored(string status)
    {
        var alice = await WebChatTestHost.NewSessionAsync(_client);
        var mallory = await WebChatTestHost.NewSessionAsync(_client);
        await ShowAgentEntryAsync(alice.VisitorId, "entry-of-alice");

        using var response = await WebChatTestHost.PostAsync(_client, mallory.Token,
            $$"""{"type":"status","id":"r-1","entryId":"entry-of-alice","status":"{{status}}"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unknown entry", problem["title"]!.GetValue<string>());
        Assert.Contains("'entry-of-alice' is not in this visitor's conversation", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await _host.CountRowsAsync("inbox"));
    }

    /// <summary>What the outbound adapter does when the agent's entry reaches the visitor: it joins their chat log.</summary>
    private Task<ChatLogAppend> ShowAgentEntryAsync(string visitorId, string entryId) =>
        _host.Services.GetRequiredService<IChatLogStore>().AppendAsync(WebChatTestHost.Channel, visitorId, entryId, "{}", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Session_RenewWithValidToken_KeepsVisitor()
    {
        var session = await WebChatTestHost.NewSessionAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/chat/session", UriKind.Relative))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", session.Token) },
        };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var renewed = await response.Content.ReadFromJsonAsync<WebChatSession>(TestContext.Current.CancellationToken);

        Assert.Equal(session.VisitorId, renewed?.VisitorId);
    }

    [Fact]
    public async Task Session_RenewWithExpiredToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/chat/session", UriKind.Relative))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", WebChatTestHost.ExpiredToken("visitor-x")) },
        };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pages_Served_WithPolicyAndEmbeddedAssets()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Connector.BaseAddress };
        var ct = TestContext.Current.CancellationToken;

        using var root = await noRedirect.GetAsync(new Uri("/chat?x=1", UriKind.Relative), ct);
        using var page = await _client.GetAsync(new Uri("/chat/chat", UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        using var script = await _client.GetAsync(new Uri("/chat/assets/chat.js", UriKind.Relative), ct);
        using var style = await _client.GetAsync(new Uri("/chat/assets/chat.css", UriKind.Relative), ct);
        using var widget = await _client.GetAsync(new Uri("/chat/widget.js", UriKind.Relative), ct);
        using var missing = await _client.GetAsync(new Uri("/chat/assets/nope.js", UriKind.Relative), ct);
        using var unknown = await _client.GetAsync(new Uri("/chat/nope", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/chat/chat?x=1", root.Headers.Location?.OriginalString);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-channel=\"chat\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Chat with us</title>", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors *", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Contains("byoc-webchat-frame", await widget.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.NotNull(widget.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Page_ModuleGraph_EveryScriptItLoadsIsServedAsJavaScript()
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await _client.GetStringAsync(new Uri("/chat/chat", UriKind.Relative), ct);
        var pending = new Queue<string>(Regex.Matches(html, "(?:src|href)=\"assets/([^\"]+\\.js)\"").Select(m => m.Groups[1].Value));
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            using var response = await _client.GetAsync(new Uri($"/chat/assets/{file}", UriKind.Relative), ct);
            Assert.True(response.IsSuccessStatusCode, $"{file} answered {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);
            var script = await response.Content.ReadAsStringAsync(ct);
            foreach (Match import in Regex.Matches(script, "from '\\./([^']+)'"))
            {
                pending.Enqueue(import.Groups[1].Value);
            }
        }

        Assert.Equal(["chat.js", "outbox.js", "session.js", "sse.js", "stream.js", "transcript.js", "util.js"], seen.Order(StringComparer.Ordinal));
        Assert.Contains("<script type=\"module\" src=\"assets/chat.js\">", html, StringComparison.Ordinal);
    }
}
