using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Byoc.Connector.Channels.Webhook;

namespace Byoc.Connector.Tests;

/// <summary>Builds signed webhook requests the way a platform would.</summary>
internal static class WebhookClient
{
    public static HttpRequestMessage Signed(string channel, string json, string secret = ConnectorHost.Secret, long? timestamp = null,
        string contentType = "application/json", string id = "evt-1")
    {
        var body = Encoding.UTF8.GetBytes(json);
        var ts = timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/webhooks/{channel}", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(StandardWebhookSignature.DecodeSecret(secret)!, id, ts, body));
        return request;
    }
}
