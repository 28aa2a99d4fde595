using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Byoc.Core.Delivery;

namespace Byoc.Bench.Workload;

/// <summary>
/// The external platform's sending end: posts each message to <c>/channels/{channel}</c> signed the Standard Webhooks way,
/// with the message id as <c>webhook-id</c> and a fresh timestamp on every attempt.
/// </summary>
internal sealed class WebhookSender : IMessageSender, IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _webhookUrl;
    private readonly byte[] _key;

    public WebhookSender(Uri webhookUrl, string secret)
    {
        _webhookUrl = webhookUrl;
        _key = Convert.FromBase64String(secret["whsec_".Length..]);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public async Task<DeliveryOutcomeKind> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookMessage("message", messageId, BenchText.PlatformUserId(user), text),
            WorkloadJson.Default.WebhookMessage);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{messageId}.{timestamp}."), .. body];
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, signed));
        using var request = new HttpRequestMessage(HttpMethod.Post, _webhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return Classify(response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return DeliveryOutcomeKind.Retryable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcomeKind.Retryable;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A 2xx is accepted; otherwise the connector's own rule (<see cref="TransientFailures"/>) says whether a platform would retry.</summary>
    internal static DeliveryOutcomeKind Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => DeliveryOutcomeKind.Succeeded,
        var other when TransientFailures.IsTransient(other) => DeliveryOutcomeKind.Retryable,
        _ => DeliveryOutcomeKind.Permanent,
    };
}
