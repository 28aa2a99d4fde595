using System.Net.Http.Headers;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// Posts Twilio's webhooks (incoming messages and status callbacks), each on its own: unlike Telegram, Twilio does not
/// hold later webhooks back behind a failing one. Each request is signed with <c>X-Twilio-Signature</c> over the exact
/// URL called and retried as the URL's connection overrides say (<see cref="TwilioConnectionOverrides"/>). Timeouts
/// run on the options' <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TwilioWebhookSender : IAsyncDisposable
{
    private readonly FakeTwilioOptions _options;
    private readonly HttpClient _http;
    private readonly Recording<WebhookAttempt> _attempts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];

    public TwilioWebhookSender(FakeTwilioOptions options, HttpClient http, Recording<WebhookAttempt> attempts)
    {
        _options = options;
        _http = http;
        _attempts = attempts;
    }

    /// <summary>Starts posting <paramref name="form"/> to <paramref name="url"/>; the task ends with the last attempt.</summary>
    public Task PostFormAsync(string id, Uri url, IReadOnlyList<KeyValuePair<string, string>> form) =>
        Start(id, url, form, null);

    /// <summary>Starts posting a JSON body, signed with the <c>bodySHA256</c> variant.</summary>
    public Task PostJsonAsync(string id, Uri url, string json) => Start(id, url, null, json);

    /// <summary>Stops new and running deliveries without waiting for them.</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private Task Start(string id, Uri url, IReadOnlyList<KeyValuePair<string, string>>? form, string? json)
    {
        if (_stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var task = Task.Run(() => DeliverAsync(id, url, form, json));
        lock (_lock)
        {
            _running.RemoveAll(item => item.IsCompleted);
            _running.Add(task);
        }

        return task;
    }

    private async Task DeliverAsync(string id, Uri configured, IReadOnlyList<KeyValuePair<string, string>>? form, string? json)
    {
        var overrides = TwilioConnectionOverrides.Parse(configured);
        var url = overrides.Url;
        byte[] body;
        string signature;
        string contentType;
        if (json is null)
        {
            body = Encoding.UTF8.GetBytes(string.Join('&', form!.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}")));
            signature = TwilioSignature.Compute(_options.AuthToken, url.AbsoluteUri, form);
            contentType = "application/x-www-form-urlencoded";
        }
        else
        {
            body = Encoding.UTF8.GetBytes(json);
            var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
            url = new Uri(url.AbsoluteUri + separator + "bodySHA256=" + TwilioSignature.BodySha256(body));
            signature = TwilioSignature.Compute(_options.AuthToken, url.AbsoluteUri);
            contentType = "application/json";
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Twilio-Signature"] = signature,
            ["I-Twilio-Idempotency-Token"] = Guid.NewGuid().ToString(),
        };
        var started = _options.TimeProvider.GetUtcNow();
        for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
        {
            var (status, timedOut) = await TryPostAsync(id, url, attempt, body, contentType, headers, overrides.ReadTimeout);
            if (status is >= 200 and < 300
                || attempt > overrides.RetryCount
                || !overrides.Retries(status, timedOut)
                || _options.TimeProvider.GetUtcNow() - started >= overrides.TotalTime)
            {
                return;
            }
        }
    }

    private async Task<(int? Status, bool TimedOut)> TryPostAsync(string id, Uri url, int attempt, byte[] body, string contentType,
        Dictionary<string, string> headers, TimeSpan readTimeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var at = _options.TimeProvider.GetUtcNow();
        using var timeout = new CancellationTokenSource(readTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        int? status = null;
        string? error = null;
        var timedOut = false;
        try
        {
            using var response = await _http.SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            error = "Read timeout";
            timedOut = true;
        }
        catch (HttpRequestException exception)
        {
            error = exception.HttpRequestError == HttpRequestError.ConnectionError ? "Connection refused" : exception.Message;
        }

        _attempts.Add(new WebhookAttempt(id, url, attempt, status, error, at, headers, body));
        return (status, timedOut);
    }
}
