using System.Net.Http.Headers;
using System.Text;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>
/// Posts queued updates to the webhook one at a time, oldest first, as JSON with the secret-token header. An update
/// answered with anything but 2xx (or not answered in time) is retried with a doubling backoff and blocks the ones
/// behind it until it is delivered or <see cref="FakeTelegramOptions.MaxDeliveryAttempts"/> is reached (setWebhook:
/// "we will repeat the request and give up after a reasonable number of attempts"). Every wait is on the options'
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TelegramWebhookSender : IAsyncDisposable
{
    private readonly TelegramState _state;
    private readonly FakeTelegramOptions _options;
    private readonly HttpClient _http;
    private readonly Recording<WebhookAttempt> _attempts;
    private readonly Recording<TelegramUpdate> _abandoned;
    private readonly LinkedList<TelegramUpdate> _queue = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public TelegramWebhookSender(
        TelegramState state,
        FakeTelegramOptions options,
        HttpClient http,
        Recording<WebhookAttempt> attempts,
        Recording<TelegramUpdate> abandoned)
    {
        _state = state;
        _options = options;
        _http = http;
        _attempts = attempts;
        _abandoned = abandoned;
        _loop = Task.Run(RunAsync);
    }

    public int PendingCount
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    public DateTimeOffset? LastErrorDate { get; private set; }

    public string? LastErrorMessage { get; private set; }

    public void Enqueue(TelegramUpdate update)
    {
        lock (_queue)
        {
            _queue.AddLast(update);
        }

        _wake.Release();
    }

    /// <summary>What setWebhook/deleteWebhook do with <c>drop_pending_updates</c>.</summary>
    public void DropPending()
    {
        lock (_queue)
        {
            _queue.Clear();
        }
    }

    public void WebhookChanged() => _wake.Release();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        var attempt = 0;
        long? current = null;
        while (!_stopping.IsCancellationRequested)
        {
            TelegramUpdate? head;
            lock (_queue)
            {
                head = _queue.First?.Value;
            }

            TelegramWebhookRegistration? webhook;
            lock (_state.Sync)
            {
                webhook = _state.Webhook;
            }

            if (head is null || webhook is null)
            {
                await _wake.WaitAsync(_stopping.Token);
                continue;
            }

            if (!IsAllowed(webhook, head.Type))
            {
                Remove(head);
                continue;
            }

            attempt = current == head.UpdateId ? attempt + 1 : 1;
            current = head.UpdateId;
            if (await TryPostAsync(webhook, head, attempt))
            {
                Remove(head);
                continue;
            }

            if (attempt >= _options.MaxDeliveryAttempts)
            {
                Remove(head);
                _abandoned.Add(head);
                continue;
            }

            var delay = TimeSpan.FromTicks(Math.Min(
                _options.MaxRetryDelay.Ticks,
                _options.FirstRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
            await Task.Delay(delay, _options.TimeProvider, _stopping.Token);
        }
    }

    private async Task<bool> TryPostAsync(TelegramWebhookRegistration webhook, TelegramUpdate update, int attempt)
    {
        var body = Encoding.UTF8.GetBytes(update.Json);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (webhook.SecretToken is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", webhook.SecretToken);
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.SecretToken;
        }

        var at = _options.TimeProvider.GetUtcNow();
        using var timeout = new CancellationTokenSource(_options.WebhookTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, linked.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"Wrong response from the webhook: {status} {response.ReasonPhrase}";
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            error = "Read timeout expired";
        }
        catch (HttpRequestException exception)
        {
            error = exception.HttpRequestError == HttpRequestError.ConnectionError ? "Connection refused" : exception.Message;
        }

        _attempts.Add(new WebhookAttempt(update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            webhook.Url, attempt, status, status is null ? error : null, at, headers, body));
        if (error is null)
        {
            return true;
        }

        LastErrorDate = at;
        LastErrorMessage = error;
        return false;
    }

    private void Remove(TelegramUpdate update)
    {
        lock (_queue)
        {
            if (_queue.First?.Value == update)
            {
                _queue.RemoveFirst();
            }
        }
    }

    // setWebhook, allowed_updates: an empty or absent list means every type except chat_member, message_reaction and
    // message_reaction_count; the fake only produces message and callback_query updates.
    private static bool IsAllowed(TelegramWebhookRegistration webhook, string type) =>
        webhook.AllowedUpdates is not { Count: > 0 } allowed || allowed.Contains(type, StringComparer.Ordinal);
}
