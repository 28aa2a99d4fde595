using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// One Graph API token's calls (WhatsApp Cloud API, Messenger): each with <c>Authorization: Bearer {token}</c> and a
/// timeout, and Graph's errors (<c>{"error":{message, type, code, error_subcode, error_data, fbtrace_id}}</c>) turned into
/// outcomes by their code, with the code in the error text. Codes every Graph product shares are classified here; a
/// channel's own codes come first through <paramref name="classify"/>, which returns null for the rest;
/// <paramref name="tokenKey"/> names the token's configuration key in the advice on error 190.
/// </summary>
internal sealed class MetaGraphClient(
    HttpClient http,
    string? accessToken,
    string tokenKey,
    TimeSpan requestTimeout,
    TimeProvider timeProvider,
    Func<MetaGraphError, HttpResponseMessage, DeliveryOutcome?> classify)
{
    /// <summary>190, the access token is invalid or expired.</summary>
    public const int TokenCode = 190;

    /// <summary>The bearer token of every call, which media downloads need too.</summary>
    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", accessToken);

    /// <summary>The outcome of one call, the answer's body, and Graph's error when it refused.</summary>
    public async Task<(DeliveryOutcome Outcome, string Text, MetaGraphError? Error)> CallAsync(HttpMethod method, Uri url, HttpContent? content,
        string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = Authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (DeliveryOutcome.Retryable($"Meta's Graph API could not be reached: {ex.Message}"), "", null);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (DeliveryOutcome.Succeeded, text, null);
            }

            var (code, subcode, message) = ReadError(text, response.ReasonPhrase);
            var number = code?.ToString(CultureInfo.InvariantCulture) ?? "none";
            if (subcode is { } sub)
            {
                number += "/" + sub.ToString(CultureInfo.InvariantCulture);
            }

            var error = new MetaGraphError(code, subcode, $"Meta refused {what} ({(int)response.StatusCode}, error {number}): {message}");
            return (classify(error, response) ?? Classify(response, error), text, error);
        }
    }

    private DeliveryOutcome Classify(HttpResponseMessage response, MetaGraphError error) => error.Code switch
    {
        // The app's and the account's call limits: wait and retry (Graph sends no Retry-After as a rule).
        4 or 17 or 32 or 613 or 80007 => DeliveryOutcome.Retryable(error.Text, TransientFailures.RetryAfter(response.Headers, timeProvider)),
        // An expired or revoked token is fixed by the operator, not by the message: retrying keeps it until then.
        TokenCode => DeliveryOutcome.Retryable($"{error.Text} The channel's {tokenKey} is invalid or expired; renew it."),
        // 1 and 2: Meta's "unknown" and "unexpected" errors, temporary by its own description.
        1 or 2 => DeliveryOutcome.Retryable(error.Text),
        _ => TransientFailures.Classify(response, error.Text, timeProvider),
    };

    private static (int? Code, int? Subcode, string Message) ReadError(string text, string? reason)
    {
        try
        {
            var error = JsonNode.Parse(text)?["error"];
            var code = error?["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
            var subcode = error?["error_subcode"] is JsonValue sub && sub.TryGetValue<int>(out var subNumber) ? subNumber : (int?)null;
            var details = error?["error_data"]?["details"]?.GetValue<string>();
            var message = error?["message"]?.GetValue<string>() ?? reason ?? "";
            return (code, subcode, details is null ? message : $"{message} ({details})");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null, reason ?? "no error body");
        }
    }
}
