using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>
/// Posts Events API deliveries to the Request URL, each signed (<c>v0</c>, a fresh timestamp per attempt), and retries
/// one answered non-2xx or not within the options' 3-second timeout after each of the options' delays, with
/// <c>X-Slack-Retry-Num</c> and <c>X-Slack-Retry-Reason</c> (<c>http_timeout</c>, <c>http_error</c>,
/// <c>connection_failed</c>), on the options' clock. Interactivity payloads are posted once (Slack shows the user an
/// error rather than retrying them).
/// </summary>
internal sealed class SlackEventSender(FakeSlackOptions options, HttpClient http, Recording<WebhookAttempt> attempts) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];

    public Task PostEventAsync(string id, Uri url, string json, int firstAttempt = 1, string? retryReason = null)
    {
        if (_stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var task = Task.Run(() => DeliverAsync(id, url, Encoding.UTF8.GetBytes(json), firstAttempt, retryReason));
        lock (_lock)
        {
            _running.RemoveAll(item => item.IsCompleted);
            _running.Add(task);
        }

        return task;
    }

    /// <summary>One signed request, answered or not: the attempt as recorded, with the answer's body.</summary>
    public async Task<(WebhookAttempt Attempt, string? Body)> PostOnceAsync(string id, Uri url, byte[] body, string mediaType, int attempt,
        string? retryReason, CancellationToken cancellationToken)
    {
        var timestamp = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SlackSigning.TimestampHeader] = timestamp,
            [SlackSigning.Header] = SlackSigning.Compute(options.SigningSecret, timestamp, body),
        };
        if (attempt > 1)
        {
            headers["X-Slack-Retry-Num"] = (attempt - 1).ToString(CultureInfo.InvariantCulture);
            headers["X-Slack-Retry-Reason"] = retryReason ?? "http_error";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.UserAgent.ParseAdd("Slackbot 1.0 (+https://api.slack.com/robots)");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var at = options.TimeProvider.GetUtcNow();
        using var timeout = new CancellationTokenSource(options.EventTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token, cancellationToken);
        int? status = null;
        string? error = null;
        string? answer = null;
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            error = "http_timeout";
        }
        catch (HttpRequestException exception)
        {
            error = "connection_failed: " + exception.Message;
        }

        var result = new WebhookAttempt(id, url, attempt, status, error, at, headers, body);
        attempts.Add(result);
        return (result, answer);
    }

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

    private async Task DeliverAsync(string id, Uri url, byte[] body, int firstAttempt, string? reason)
    {
        for (var attempt = firstAttempt; !_stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                var (result, _) = await PostOnceAsync(id, url, body, "application/json", attempt, reason, _stopping.Token);
                if (result.Succeeded || attempt > options.RetryDelays.Count)
                {
                    return;
                }

                reason = result.Error switch
                {
                    "http_timeout" => "http_timeout",
                    null => "http_error",
                    _ => "connection_failed",
                };
                await Task.Delay(options.RetryDelays[attempt - 1], options.TimeProvider, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
