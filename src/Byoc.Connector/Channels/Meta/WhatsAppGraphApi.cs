using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The Cloud API for one number: <c>POST {graph}/{version}/{phone-number-id}/messages</c> with a JSON body, media uploads
/// and lookups, all with <c>Authorization: Bearer {access token}</c>. Graph errors (<c>{"error":{message, type, code, error_subcode,
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
    public const int TokenCode = MetaGraphClient.TokenCode;

    private readonly Uri _messages = new(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{settings.PhoneNumberId}/messages");
    private readonly Uri _media = new(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{settings.PhoneNumberId}/media");
    private readonly MetaGraphClient _graph = new(http, settings.AccessToken, "AccessToken", settings.RequestTimeout, timeProvider,
        (error, response) => Classify(error, response, timeProvider));

    /// <summary>The bearer token of every Graph call, which media downloads need too.</summary>
    public AuthenticationHeaderValue Authorization => _graph.Authorization;

    /// <summary>Posts one message (or read receipt); the outcome, the new message's wamid, and Graph's error code when it refused.</summary>
    public async Task<(DeliveryOutcome Outcome, string? Wamid, int? Code)> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var (outcome, text, code) = await CallAsync(HttpMethod.Post, _messages, JsonContent.Create(body), "the message", cancellationToken);
        return (outcome, outcome.IsSuccess ? Wamid(text) : null, code);
    }

    /// <summary>
    /// <c>GET /{version}/{phone-number-id}</c>: the number as Meta shows it to this token (<c>display_phone_number</c>,
    /// <c>verified_name</c>, <c>quality_rating</c>), or the outcome of Graph's refusal and its error code.
    /// </summary>
    public async Task<(DeliveryOutcome Outcome, JsonObject? Number, int? Code)> GetPhoneNumberAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(settings.GraphBaseUrl,
            $"/{settings.GraphApiVersion}/{settings.PhoneNumberId}?fields=display_phone_number,verified_name,quality_rating");
        var (outcome, text, code) = await CallAsync(HttpMethod.Get, url, null, "the phone number lookup", cancellationToken);
        if (!outcome.IsSuccess)
        {
            return (outcome, null, code);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject number
                ? (outcome, number, null)
                : (DeliveryOutcome.Permanent("Meta's phone number lookup answered with something other than an object."), null, null);
        }
        catch (JsonException ex)
        {
            return (DeliveryOutcome.Permanent($"Meta's phone number lookup answered with something other than JSON: {ex.Message}"), null, null);
        }
    }

    /// <summary>
    /// <c>GET /{version}/{media-id}</c>: the short-lived download URL of an end user's media (fetched with the same
    /// bearer token), its MIME type and size; or the outcome of Graph's refusal.
    /// </summary>
    public async Task<(DeliveryOutcome Outcome, Uri? Url, string? MimeType, long? Size)> GetMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{Uri.EscapeDataString(mediaId)}?phone_number_id={settings.PhoneNumberId}");
        var (outcome, text, _) = await CallAsync(HttpMethod.Get, url, null, "the media lookup", cancellationToken);
        if (!outcome.IsSuccess)
        {
            return (outcome, null, null, null);
        }

        try
        {
            var media = JsonNode.Parse(text);
            var size = media?["file_size"] switch
            {
                JsonValue value when value.TryGetValue<long>(out var number) => number,
                JsonValue value when value.TryGetValue<string>(out var digits)
                    && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => (long?)null,
            };
            return media?["url"]?.GetValue<string>() is { } link && Uri.TryCreate(link, UriKind.Absolute, out var download)
                ? (outcome, download, media["mime_type"]?.GetValue<string>(), size)
                : (DeliveryOutcome.Permanent("Meta's media lookup gave no download URL."), null, null, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (DeliveryOutcome.Permanent($"Meta's media lookup answered with something other than a media object: {ex.Message}"), null, null, null);
        }
    }

    /// <summary>
    /// <c>POST /{version}/{phone-number-id}/media</c> (multipart: <c>file</c>, <c>type</c>, <c>messaging_product</c>):
    /// the id to send the file by, or the outcome of Graph's refusal.
    /// </summary>
    public async Task<(DeliveryOutcome Outcome, string? MediaId)> UploadMediaAsync(Stream content, string fileName, string mimeType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(mimeType), "type");
        form.Add(new StringContent("whatsapp"), "messaging_product");
        var (outcome, text, _) = await CallAsync(HttpMethod.Post, _media, form, "the file", cancellationToken);
        if (!outcome.IsSuccess)
        {
            return (outcome, null);
        }

        try
        {
            return JsonNode.Parse(text)?["id"]?.GetValue<string>() is { Length: > 0 } id
                ? (outcome, id)
                : (DeliveryOutcome.Permanent("Meta's media upload gave no media id."), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (DeliveryOutcome.Permanent($"Meta's media upload answered with something other than a media id: {ex.Message}"), null);
        }
    }

    private async Task<(DeliveryOutcome Outcome, string Text, int? Code)> CallAsync(HttpMethod method, Uri url, HttpContent? content, string what,
        CancellationToken cancellationToken)
    {
        var (outcome, text, error) = await _graph.CallAsync(method, url, content, what, cancellationToken);
        return (outcome, text, error?.Code);
    }

    private static DeliveryOutcome? Classify(MetaGraphError error, HttpResponseMessage response, TimeProvider timeProvider) => error.Code switch
    {
        // Throughput and pair rate: wait and retry (Graph sends no Retry-After as a rule).
        ThroughputCode or PairRateCode => DeliveryOutcome.Retryable(error.Text, TransientFailures.RetryAfter(response.Headers, timeProvider)),
        ReEngagementCode => DeliveryOutcome.Permanent(
            "The end user's WhatsApp 24-hour customer-service window is closed (Meta error 131047), so only a template can reach them."),
        // 131000: the Cloud API's "something went wrong", temporary by Meta's own description.
        131000 => DeliveryOutcome.Retryable(error.Text),
        _ => null,
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
}
