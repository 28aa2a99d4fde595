using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Byoc.Setup.Verify;

/// <summary>Sends end-user events to the connector's webhook channel, signed the Standard Webhooks way (docs/webhook-channel.md).</summary>
internal sealed class WebhookSender(HttpClient http, VerifyOptions options, TimeProvider time)
{
    /// <summary>Posts a text message from the test end user; returns the HTTP status and body.</summary>
    public async Task<(int Status, string Body)> SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var id = "verify-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["type"] = "message", ["id"] = id, ["userId"] = options.EndUserId, ["text"] = text }.ToJsonString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ConnectorUrl, "/webhooks/" + options.WebhookChannel))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Sign(id, timestamp, body));
        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private string Sign(string id, string timestamp, string body)
    {
        var secret = options.WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal) ? options.WebhookSecret["whsec_".Length..] : options.WebhookSecret;
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }
}
