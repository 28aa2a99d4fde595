using System.Net.Http.Headers;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// Posts Meta's webhooks to the callback URL, each on its own, signed with <c>X-Hub-Signature-256</c>, and retries one
/// answered non-2xx or not answered in time after each of <paramref name="retryDelays"/>, on
/// <paramref name="timeProvider"/>'s clock (WhatsApp's and Messenger's fakes alike). Also makes the verification <c>GET</c>.
/// </summary>
internal sealed class MetaWebhookSender(
    string appSecret,
    TimeProvider timeProvider,
    IReadOnlyList<TimeSpan> retryDelays,
    TimeSpan webhookTimeout,
    HttpClient http,
    Recording<WebhookAttempt> attempts) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];

    public Task PostAsync(string id, Uri url, string json)
    {
        if (_stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var task = Task.Run(() => DeliverAsync(id, url, Encoding.UTF8.GetBytes(json)));
        lock (_lock)
        {
            _running.RemoveAll(item => item.IsCompleted);
            _running.Add(task);
        }

        return task;
    }

    /// <summary>The verification request: <c>GET ?hub.mode=subscribe&amp;hub.challenge=…&amp;hub.verify_token=…</c>.</summary>
    public async Task<MetaVerification> VerifyAsync(Uri url, string verifyToken, CancellationToken cancellationToken)
    {
        var challenge = Random.Shared.NextInt64(100_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        var target = new Uri($"{url.AbsoluteUri}{separator}hub.mode=subscribe&hub.challenge={challenge}&hub.verify_token={Uri.EscapeDataString(verifyToken)}");
        using var timeout = new CancellationTokenSource(webhookTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await http.GetAsync(target, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return new((int)response.StatusCode, body, response.IsSuccessStatusCode && body == challenge);
        }
        catch (HttpRequestException exception)
        {
            return new(null, exception.Message, false);
        }
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

    private async Task DeliverAsync(string id, Uri url, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [MetaSignature.Header] = MetaSignature.Compute(appSecret, body),
        };
        for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
        {
            if (await TryPostAsync(id, url, attempt, body, headers) || attempt > retryDelays.Count)
            {
                return;
            }

            try
            {
                await Task.Delay(retryDelays[attempt - 1], timeProvider, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryPostAsync(string id, Uri url, int attempt, byte[] body, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("facebookexternalua");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var at = timeProvider.GetUtcNow();
        using var timeout = new CancellationTokenSource(webhookTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        int? status = null;
        string? error = null;
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            error = "Timeout";
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        var result = new WebhookAttempt(id, url, attempt, status, error, at, headers, body);
        attempts.Add(result);
        return result.Succeeded;
    }
}
