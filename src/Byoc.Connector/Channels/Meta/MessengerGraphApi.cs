using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The Messenger Platform's Send API for one Page: <c>POST {graph}/{version}/{page-id}/messages</c> (messages and sender
/// actions), <c>POST /{page-id}/message_attachments</c> (uploads) and <c>GET /me</c>, all with the Page access token as
/// <c>Authorization: Bearer</c>. Errors by Graph code: 1200 (temporary send failure) and the shared call limits are
/// retried; 10 with subcode 2018278 (outside the allowed window), 551 (the person is not available) and 100 (invalid
/// parameter, no matching user) are not.
/// </summary>
internal sealed class MessengerGraphApi(HttpClient http, MessengerEndpointOptions settings, TimeProvider timeProvider)
{
    /// <summary>10, permission denied; with <see cref="OutsideWindowSubcode"/> the message was outside the allowed window.</summary>
    public const int PermissionCode = 10;

    /// <summary>2018278, "This message is sent outside of allowed window".</summary>
    public const int OutsideWindowSubcode = 2018278;

    /// <summary>551, "This person isn't available right now" (blocked the Page, or deactivated).</summary>
    public const int UnavailableCode = 551;

    /// <summary>1200, "Temporary send message failure. Please try again later".</summary>
    public const int TemporaryCode = 1200;

    private readonly Uri _messages = new(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{settings.PageId}/messages");
    private readonly Uri _attachments = new(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/{settings.PageId}/message_attachments");
    private readonly MetaGraphClient _graph = new(http, settings.PageAccessToken, "PageAccessToken", settings.RequestTimeout, timeProvider,
        (error, response) => Classify(error, response, timeProvider));

    /// <summary>Posts one message or sender action; the outcome, and the new message's mid.</summary>
    public async Task<(DeliveryOutcome Outcome, string? Mid)> SendAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var (outcome, text, _) = await _graph.CallAsync(HttpMethod.Post, _messages, JsonContent.Create(body), "the message", cancellationToken);
        return (outcome, outcome.IsSuccess ? Field(text, "message_id") : null);
    }

    /// <summary>
    /// The Attachment Upload API (multipart: <c>message</c> = <c>{"attachment":{"type","payload":{"is_reusable":true}}}</c>
    /// and <c>filedata</c>): the id to send the file by, or the outcome of Graph's refusal.
    /// </summary>
    public async Task<(DeliveryOutcome Outcome, string? AttachmentId)> UploadAsync(Stream content, string type, string fileName, string mimeType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var form = new MultipartFormDataContent();
        var message = new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["is_reusable"] = true } },
        };
        form.Add(new StringContent(message.ToJsonString()), "message");
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "filedata", fileName);
        var (outcome, text, _) = await _graph.CallAsync(HttpMethod.Post, _attachments, form, "the file", cancellationToken);
        if (!outcome.IsSuccess)
        {
            return (outcome, null);
        }

        return Field(text, "attachment_id") is { Length: > 0 } id
            ? (outcome, id)
            : (DeliveryOutcome.Permanent("Meta's attachment upload gave no attachment_id."), null);
    }

    /// <summary><c>GET /{version}/me?fields=id,name</c>: the Page the token belongs to, or the outcome and Graph's error code.</summary>
    public async Task<(DeliveryOutcome Outcome, JsonObject? Page, int? Code)> GetPageAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(settings.GraphBaseUrl, $"/{settings.GraphApiVersion}/me?fields=id,name");
        var (outcome, text, error) = await _graph.CallAsync(HttpMethod.Get, url, null, "the Page lookup", cancellationToken);
        if (!outcome.IsSuccess)
        {
            return (outcome, null, error?.Code);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject page
                ? (outcome, page, null)
                : (DeliveryOutcome.Permanent("Meta's Page lookup answered with something other than an object."), null, null);
        }
        catch (JsonException ex)
        {
            return (DeliveryOutcome.Permanent($"Meta's Page lookup answered with something other than JSON: {ex.Message}"), null, null);
        }
    }

    private static DeliveryOutcome? Classify(MetaGraphError error, HttpResponseMessage response, TimeProvider timeProvider) => (error.Code, error.Subcode) switch
    {
        (TemporaryCode, _) => DeliveryOutcome.Retryable(error.Text, TransientFailures.RetryAfter(response.Headers, timeProvider)),
        (PermissionCode, OutsideWindowSubcode) => DeliveryOutcome.Permanent(
            $"Meta refused the message as outside Messenger's allowed window (the 24-hour standard messaging window, or 7 days with the HUMAN_AGENT tag): {error.Text}"),
        (UnavailableCode, _) => DeliveryOutcome.Permanent($"The end user cannot be reached on Messenger now (blocked the Page, or deactivated): {error.Text}"),
        _ => null,
    };

    private static string? Field(string text, string name)
    {
        try
        {
            return JsonNode.Parse(text)?[name]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
