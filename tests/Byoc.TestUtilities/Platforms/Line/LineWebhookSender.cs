using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>
/// Posts LINE's webhooks to the webhook URL, signed with <c>x-line-signature</c>. One answered non-2xx or not in time is
/// redelivered after each of <see cref="FakeLineOptions.RedeliveryDelays"/> (on the options' clock) with the same events
/// and <c>webhookEventId</c>s and <c>deliveryContext.isRedelivery</c> true, signed again, as LINE's webhook redelivery does.
/// </summary>
internal sealed class LineWebhookSender(FakeLineOptions options, HttpClient http, Recording<WebhookAttempt> attempts) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];

    /// <summary>Delivers in the background, with redeliveries.</summary>
    public void Post(string id, Uri url, JsonObject body)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(() => DeliverAsync(id, url, body));
        lock (_lock)
        {
            _running.RemoveAll(item => item.IsCompleted);
            _running.Add(task);
        }
    }

    /// <summary>One attempt, now, without redelivery (the console's "Verify" button): the status, or null when unreachable.</summary>
    public async Task<WebhookAttempt> PostOnceAsync(string id, Uri url, JsonObject body) =>
        await TryPostAsync(id, url, 1, Encoding.UTF8.GetBytes(body.ToJsonString()));

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

    private async Task DeliverAsync(string id, Uri url, JsonObject body)
    {
        for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
        {
            if (attempt > 1)
            {
                foreach (var item in (body["events"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    item["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
                }
            }

            var result = await TryPostAsync(id, url, attempt, Encoding.UTF8.GetBytes(body.ToJsonString()));
            if (result.Succeeded || result.StatusCode is null && result.Error is "Stopped" || attempt > options.RedeliveryDelays.Count)
            {
                return;
            }

            try
            {
                await Task.Delay(options.RedeliveryDelays[attempt - 1], options.TimeProvider, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<WebhookAttempt> TryPostAsync(string id, Uri url, int attempt, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [LineWebhookSignature.Header] = LineWebhookSignature.Compute(options.ChannelSecret, body),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("LineBotWebhook/2.0");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var at = options.TimeProvider.GetUtcNow();
        using var timeout = new CancellationTokenSource(options.WebhookTimeout, options.TimeProvider);
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
            return new WebhookAttempt(id, url, attempt, null, "Stopped", at, headers, body);
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        var result = new WebhookAttempt(id, url, attempt, status, error, at, headers, body);
        attempts.Add(result);
        return result;
    }
}
