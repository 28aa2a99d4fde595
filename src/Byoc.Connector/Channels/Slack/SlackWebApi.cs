using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Slack's Web API for one app: <c>POST {ApiBaseUrl}{method}</c> with <c>Authorization: Bearer {bot token}</c>, a JSON
/// or form body, and the answer <c>{"ok": true|false, "error": …}</c> (a refusal is HTTP 200 with <c>ok: false</c>).
/// Outcomes: <c>ratelimited</c> and HTTP 429 are retryable after <c>Retry-After</c>; Slack's own temporary errors and
/// 5xx are retryable; every other error (<c>channel_not_found</c>, <c>not_in_channel</c>, <c>invalid_auth</c>, …) is
/// permanent, named in the error text.
/// </summary>
internal sealed class SlackWebApi(HttpClient http, SlackEndpointOptions settings, TimeProvider timeProvider)
{
    /// <summary>Slack's errors that say "try again later" rather than "this will never work".</summary>
    private static readonly HashSet<string> s_temporary = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    /// <summary>The bot token as the header of every Web API call and file download.</summary>
    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", settings.BotToken);

    /// <summary>A method with a JSON body (<c>chat.postMessage</c>, <c>auth.test</c>).</summary>
    public Task<SlackCall> CallAsync(string method, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(method, JsonContent.Create(body, options: JsonSerializerOptions.Web), cancellationToken);

    /// <summary>A method with a form body (the file upload methods, whose reference lists form arguments).</summary>
    public Task<SlackCall> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(method, new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>Posts a file's bytes to the <c>upload_url</c> that <c>files.getUploadURLExternal</c> gave (no token: the URL is its own credential).</summary>
    public async Task<DeliveryOutcome> UploadAsync(Uri uploadUrl, Stream content, string mimeType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        using var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        var (response, failure) = await SendAsync(request, cancellationToken);
        if (response is null)
        {
            return failure;
        }

        using (response)
        {
            return response.IsSuccessStatusCode
                ? DeliveryOutcome.Succeeded
                : TransientFailures.Classify(response, $"Slack refused the file upload ({(int)response.StatusCode})", timeProvider);
        }
    }

    private async Task<SlackCall> SendAsync(string method, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = Authorization;
        var (response, failure) = await SendAsync(request, cancellationToken);
        if (response is null)
        {
            return new SlackCall(failure);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode == 429 || !response.IsSuccessStatusCode)
            {
                return new SlackCall(TransientFailures.Classify(response, $"Slack's {method} answered {(int)response.StatusCode}", timeProvider),
                    (int)response.StatusCode == 429 ? "ratelimited" : null);
            }

            JsonObject? body;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }

            if (body?["ok"] is not JsonValue ok || !ok.TryGetValue<bool>(out var isOk))
            {
                return new SlackCall(DeliveryOutcome.Retryable($"Slack's {method} answered without an 'ok' field."));
            }

            if (isOk)
            {
                return new SlackCall(DeliveryOutcome.Succeeded, null, body);
            }

            var error = body["error"] is JsonValue code && code.TryGetValue<string>(out var name) ? name : "unknown_error";
            var description = $"Slack refused {method}: {error}" + (error switch
            {
                "not_in_channel" => " (invite the app to the channel)",
                "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" => " (check the channel's BotToken)",
                "missing_scope" => $" (the app needs the scope {Str(body, "needed") ?? "named in Slack's answer"})",
                _ => "",
            });
            var outcome = s_temporary.Contains(error)
                ? DeliveryOutcome.Retryable(description, TransientFailures.RetryAfter(response.Headers, timeProvider))
                : DeliveryOutcome.Permanent(description);
            return new SlackCall(outcome, error, body);
        }
    }

    private async Task<(HttpResponseMessage? Response, DeliveryOutcome Failure)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            return (await http.SendAsync(request, timeout.Token), default);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, DeliveryOutcome.Retryable($"Slack could not be reached: {ex.Message}"));
        }
    }

    private static string? Str(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The <c>length</c> argument of <c>files.getUploadURLExternal</c>.</summary>
    public static string Length(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);
}
