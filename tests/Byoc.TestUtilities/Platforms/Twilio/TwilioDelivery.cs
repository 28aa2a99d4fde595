using System.Globalization;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// What Twilio does with a message after answering 201: it fetches every <c>MediaUrl</c> (a failed fetch fails the
/// message with 11200, "HTTP retrieval failure"), refuses a free-form WhatsApp message outside the 24-hour window by
/// failing it with 63016 (error 63016; the create call itself succeeds), and otherwise reports the options'
/// <see cref="FakeTwilioOptions.AutoStatuses"/> to the message's <c>StatusCallback</c> (outbound message status in
/// status callbacks: form posts with <c>MessageStatus</c> and, on failure, <c>ErrorCode</c>).
/// </summary>
internal sealed class TwilioDelivery(TwilioState state, TwilioWebhookSender sender, HttpClient http, TwilioRecordings recordings) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];

    /// <summary>
    /// Processes a created message; <paramref name="outsideWindow"/> is decided at creation, on the clock of that moment.
    /// The task ends after the last status callback's last attempt.
    /// </summary>
    public Task Start(TwilioSentMessage message, bool outsideWindow)
    {
        var task = Task.Run(() => ProcessAsync(message, outsideWindow));
        lock (_lock)
        {
            _running.RemoveAll(item => item.IsCompleted);
            _running.Add(task);
        }

        return task;
    }

    /// <summary>Sets the message's status and posts the status callback; completes after the callback's last attempt.</summary>
    public async Task ReportAsync(string messageSid, string status, int? errorCode)
    {
        TwilioSentMessage message;
        lock (state.Sync)
        {
            if (!state.Sent.TryGetValue(messageSid, out var current))
            {
                throw new InvalidOperationException($"No message {messageSid} was sent through the fake.");
            }

            message = current with { Status = status, ErrorCode = errorCode ?? current.ErrorCode };
            state.Sent[messageSid] = message;
        }

        recordings.Statuses.Add(message);
        if (message.StatusCallback is { } url)
        {
            await sender.PostFormAsync($"{messageSid}:{status}", url, CallbackForm(message, errorCode));
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

    private async Task ProcessAsync(TwilioSentMessage message, bool outsideWindow)
    {
        foreach (var url in message.MediaUrls)
        {
            if (!await FetchAsync(message.Sid, url))
            {
                await ReportAsync(message.Sid, "failed", 11200);
                return;
            }
        }

        if (outsideWindow)
        {
            await ReportAsync(message.Sid, "failed", 63016);
            return;
        }

        foreach (var status in state.Options.AutoStatuses)
        {
            _stopping.Token.ThrowIfCancellationRequested();
            await ReportAsync(message.Sid, status, null);
        }
    }

    private async Task<bool> FetchAsync(string messageSid, Uri url)
    {
        using var timeout = new CancellationTokenSource(state.Options.MediaFetchTimeout, state.Options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        try
        {
            using var response = await http.GetAsync(url, linked.Token);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode)
            {
                recordings.MediaFetches.Add(new TwilioMediaFetch(messageSid, url, status, type, null, $"HTTP {status}"));
                return false;
            }

            var content = await response.Content.ReadAsByteArrayAsync(linked.Token);
            recordings.MediaFetches.Add(new TwilioMediaFetch(messageSid, url, status, type, content, null));
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            recordings.MediaFetches.Add(new TwilioMediaFetch(messageSid, url, null, null, null, "Timed out"));
            return false;
        }
        catch (HttpRequestException exception)
        {
            recordings.MediaFetches.Add(new TwilioMediaFetch(messageSid, url, null, null, null, exception.Message));
            return false;
        }
    }

    private List<KeyValuePair<string, string>> CallbackForm(TwilioSentMessage message, int? errorCode)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("AccountSid", state.Options.AccountSid), new("ApiVersion", "2010-04-01"), new("From", message.From),
            new("To", message.To), new("MessageSid", message.Sid), new("SmsSid", message.Sid),
            new("SmsStatus", message.Status), new("MessageStatus", message.Status),
        ];
        if (message.MessagingServiceSid is { } service)
        {
            form.Add(new("MessagingServiceSid", service));
        }

        if (message.IsWhatsApp)
        {
            form.Add(new("ChannelPrefix", "whatsapp"));
            form.Add(new("ChannelToAddress", message.To["whatsapp:".Length..]));
        }

        if (errorCode is { } code)
        {
            form.Add(new("ErrorCode", code.ToString(CultureInfo.InvariantCulture)));
        }

        return form;
    }
}
