using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The Cloud API's messages endpoint for one number: <c>POST {graph}/{version}/{phone-number-id}/messages</c> with a JSON
/// body and <c>Authorization: Bearer {access token}</c>. Graph errors (<c>{"error":{message, type, code, error_subcode,
/// fbtrace_id}}</c>) are turned into outcomes here by their code, with the code in the error text.
/// </summary>
internal sealed class WhatsAppGraphApi(HttpClient http, WhatsAppEndpointOptions settings, TimeProvider timeProvider)
{
    /// <summary>131047, re-engagement: a free-form message more than 24 hours after the end user's last message.</summary>
    public const int ReEngagementCode = 131047;

    /// <summary>130429, the number's throughput limit.</summary>
    public const int ThroughputCode = 130429;

    /// <summary>131056, the pair rate limit: too many messages to one end user.</summary>
    public const int PairRateCode = 131056;

    /// <summary>190, the access token is invalid or expired.</summary>
    public const int TokenCode = 190;

    private readonly Uri _messages = new(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{settings.PhoneNumberId}/messages");
    private readonly AuthenticationHeaderValue _auth = new("Bearer", settings.AccessToken);

    /// <summary>Posts one message (or read receipt); the outcome, the new message's wamid, and Graph's error code when it refused.</summary>
    public async Task<(DeliveryOutcome Outcome, string? Wamid, int? Code)> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messages) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = _auth;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (DeliveryOutcome.Retryable($"Meta's Graph API could not be reached: {ex.Message}"), null, null);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (DeliveryOutcome.Succeeded, Wamid(text), null);
            }

            var (code, message) = ReadError(text, response.ReasonPhrase);
            var error = $"Meta refused the message ({(int)response.StatusCode}, error {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {message}";
            return (Classify(response, code, error), null, code);
        }
    }

    private DeliveryOutcome Classify(HttpResponseMessage response, int? code, string error) => code switch
    {
        // Throughput, pair rate, account and app call limits: wait and retry (Graph sends no Retry-After as a rule).
        ThroughputCode or PairRateCode or 80007 or 4 or 17 or 613 =>
            DeliveryOutcome.Retryable(error, TransientFailures.RetryAfter(response.Headers, timeProvider)),
        ReEngagementCode => DeliveryOutcome.Permanent(
            "The end user's WhatsApp 24-hour customer-service window is closed (Meta error 131047), so only a template can reach them."),
        // An expired or revoked token is fixed by the operator, not by the message: retrying keeps it until then.
        TokenCode => DeliveryOutcome.Retryable($"{error} The channel's AccessToken is invalid or expired; renew it."),
        // 1, 2 and 131000: Meta's "unknown"/"service" errors, temporary by its own description.
        1 or 2 or 131000 => DeliveryOutcome.Retryable(error),
        _ => TransientFailures.Classify(response, error, timeProvider),
    };

    private static string? Wamid(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["messages"]?[0]?["id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (int? Code, string Message) ReadError(string text, string? reason)
    {
        try
        {
            var error = JsonNode.Parse(text)?["error"];
            var code = error?["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
            var details = error?["error_data"]?["details"]?.GetValue<string>();
            var message = error?["message"]?.GetValue<string>() ?? reason ?? "";
            return (code, details is null ? message : $"{message} ({details})");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, reason ?? "no error body");
        }
    }
}
