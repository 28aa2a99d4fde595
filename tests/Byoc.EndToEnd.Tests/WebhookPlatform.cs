using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Byoc.EndToEnd.Tests;

/// <summary>The external messaging platform's sending end: signs events with the channel secret and posts them to the connector.</summary>
internal sealed class WebhookPlatform(Uri webhookUrl, string secret) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<JsonNode> PostAsync(JsonObject body)
    {
        var (status, text) = await PostRawAsync(body);
        Assert.True(status is >= 200 and < 300, $"The connector answered {status}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Posts a signed event and returns the connector's status and body, whatever they are.</summary>
    public async Task<(int Status, string Body)> PostRawAsync(JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var id = body["id"]!.GetValue<string>();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. bytes]));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(15));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public Task<JsonNode> SendFileAsync(string id, string userId, string name, string mimeType, byte[] content) =>
        PostAsync(FileEvent(id, userId, new JsonObject { ["name"] = name, ["mimeType"] = mimeType, ["data"] = Convert.ToBase64String(content) }));

    public static JsonObject FileEvent(string id, string userId, JsonObject attachment) =>
        new() { ["type"] = "attachment", ["id"] = id, ["userId"] = userId, ["attachment"] = attachment };

    public Task<JsonNode> SendTextAsync(string id, string userId, string text) =>
        PostAsync(new JsonObject { ["type"] = "message", ["id"] = id, ["userId"] = userId, ["text"] = text });

    public Task<JsonNode> SendStatusAsync(string id, string userId, string messageId, string status) =>
        PostAsync(new JsonObject { ["type"] = "status", ["id"] = id, ["userId"] = userId, ["messageId"] = messageId, ["status"] = status });

    public void Dispose() => _http.Dispose();
}
