using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Twilio's REST API for one channel: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> with form fields and
/// HTTP basic auth (the API key, else the account SID and Auth Token). Errors come back as JSON with Twilio's numeric
/// <c>code</c> and <c>message</c>; they are turned into outcomes here, with Twilio's code in the error text.
/// </summary>
internal sealed class TwilioApi(HttpClient http, TwilioEndpointOptions settings, TimeProvider timeProvider)
{
    /// <summary>Twilio error 20429, Too Many Requests.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>Twilio error 63016 (a free-form WhatsApp message outside the 24-hour window), as a status callback's <c>ErrorCode</c>.</summary>
    public const string OutsideWindowCode = "63016";

    private static readonly Uri s_contentApi = new("https://content.twilio.com");
    private static readonly Uri s_messagingApi = new("https://messaging.twilio.com");

    private readonly AuthenticationHeaderValue _auth = Authorization(settings);

    /// <summary>HTTP basic auth for the REST API and media: the API key when there is one, else the account SID and Auth Token.</summary>
    public static AuthenticationHeaderValue Authorization(TwilioEndpointOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{settings.ApiKeySid ?? settings.AccountSid}:{settings.ApiKeySecret ?? settings.AuthToken}")));
    }

    /// <summary>
    /// Reads a resource at <paramref name="url"/> (a configuration check): its JSON, or why not, with Twilio's code.
    /// </summary>
    public async Task<(JsonElement? Resource, string? Error)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = _auth;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = await ReadErrorAsync(response, cancellationToken);
                return (null, $"{(int)response.StatusCode}, error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: {message}");
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            return (json.RootElement.Clone(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"Twilio could not be read: {ex.Message}");
        }
    }

    /// <summary>Creates a message; the outcome, and Twilio's error code when it refused.</summary>
    public async Task<(DeliveryOutcome Outcome, int? Code)> CreateMessageAsync(IReadOnlyList<KeyValuePair<string, string>> fields,
        CancellationToken cancellationToken)
    {
        var url = new Uri(settings.ApiBaseUrl, $"/2010-04-01/Accounts/{settings.AccountSid}/Messages.json");
        var (outcome, code, _) = await PostAsync(url, new FormUrlEncodedContent(fields), "the message", cancellationToken);
        return (outcome, code);
    }

    /// <summary>
    /// Creates a Content API resource (<c>POST https://content.twilio.com/v1/Content</c>, a JSON body); its <c>sid</c>, or
    /// the outcome of the refusal. A fake (any other <see cref="TwilioEndpointOptions.ApiBaseUrl"/>) serves it on its own host.
    /// </summary>
    public async Task<(string? Sid, DeliveryOutcome Outcome)> CreateContentAsync(JsonObject content, CancellationToken cancellationToken)
    {
        var url = new Uri(OnHost(s_contentApi), "/v1/Content");
        var (outcome, _, resource) = await PostAsync(url, JsonContent.Create(content), "the quick-reply content", cancellationToken);
        return resource is { } json && json.TryGetProperty("sid", out var sid) && sid.GetString() is { Length: > 0 } value
            ? (value, outcome)
            : (null, outcome.IsSuccess ? DeliveryOutcome.Permanent("Twilio created the content without a sid.") : outcome);
    }

    /// <summary>
    /// Shows the WhatsApp typing indicator for the end user's message <paramref name="messageId"/> (Typing Indicators
    /// resource, public beta: <c>POST https://messaging.twilio.com/v2/Indicators/Typing.json</c>, form
    /// <c>channel=whatsapp</c> and <c>messageId</c>).
    /// </summary>
    public async Task<DeliveryOutcome> SendTypingAsync(string messageId, CancellationToken cancellationToken)
    {
        var url = new Uri(OnHost(s_messagingApi), "/v2/Indicators/Typing.json");
        var (outcome, _, _) = await PostAsync(url, new FormUrlEncodedContent([new("channel", "whatsapp"), new("messageId", messageId)]),
            "the typing indicator", cancellationToken);
        return outcome;
    }

    /// <summary>Twilio's API on its own host (<paramref name="twilioHost"/>), or the configured fake, which serves them all.</summary>
    private Uri OnHost(Uri twilioHost) => settings.ApiBaseUrl == TwilioEndpointOptions.DefaultApiBaseUrl ? twilioHost : settings.ApiBaseUrl;

    private async Task<(DeliveryOutcome Outcome, int? Code, JsonElement? Resource)> PostAsync(Uri url, HttpContent content, string what,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
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
            return (DeliveryOutcome.Retryable($"Twilio could not be reached: {ex.Message}"), null, null);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    return (DeliveryOutcome.Succeeded, null, json.RootElement.Clone());
                }
                catch (JsonException)
                {
                    return (DeliveryOutcome.Succeeded, null, null);
                }
            }

            var (code, message) = await ReadErrorAsync(response, cancellationToken);
            var error = $"Twilio refused {what} ({(int)response.StatusCode}, error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {message}";
            var outcome = code == TooManyRequests
                ? DeliveryOutcome.Retryable(error, TransientFailures.RetryAfter(response.Headers, timeProvider))
                : TransientFailures.Classify(response, error, timeProvider);
            return (outcome, code, null);
        }
    }

    private static async Task<(int? Code, string Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : response.ReasonPhrase ?? "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, response.ReasonPhrase ?? "no error body");
        }
    }
}
