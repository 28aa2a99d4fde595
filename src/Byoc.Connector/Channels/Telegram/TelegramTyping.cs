namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Keeps "typing…" up in a chat while the agent types: Telegram shows a chat action for 5 seconds or until the bot's
/// next message (sendChatAction), so after the first one it is sent again every refresh interval until it is stopped
/// (TypingStopped, or the bot sends a message) or the longest duration has passed. One loop per chat, on the
/// <see cref="TimeProvider"/>; a failing refresh is left alone (typing is only a hint).
/// </summary>
internal sealed class TelegramTyping(TimeSpan interval, TimeSpan maxDuration, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Loop)> _chats = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Starts (or restarts) refreshing in the chat; the caller has just sent the first chat action.</summary>
    public void Start(string chatId, Func<CancellationToken, Task> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        var stop = new CancellationTokenSource();
        lock (_lock)
        {
            if (_disposed)
            {
                stop.Dispose();
                return;
            }

            StopLocked(chatId);
            // The timer starts now, not when the loop first waits, so every refresh is one interval after the last.
            var timer = new PeriodicTimer(interval, timeProvider);
            _chats[chatId] = (stop, RunAsync(chatId, refresh, timer, stop));
        }
    }

    /// <summary>Stops refreshing in the chat, if it was.</summary>
    public void Stop(string chatId)
    {
        lock (_lock)
        {
            StopLocked(chatId);
        }
    }

    /// <summary>Whether the chat's typing is being refreshed.</summary>
    public bool IsTyping(string chatId)
    {
        lock (_lock)
        {
            return _chats.ContainsKey(chatId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] loops;
        lock (_lock)
        {
            _disposed = true;
            loops = [.. _chats.Values.Select(chat => chat.Loop)];
            foreach (var chatId in _chats.Keys.ToList())
            {
                StopLocked(chatId);
            }
        }

        await Task.WhenAll(loops);
    }

    private void StopLocked(string chatId)
    {
        if (_chats.Remove(chatId, out var running))
        {
            running.Stop.Cancel();
        }
    }

    private async Task RunAsync(string chatId, Func<CancellationToken, Task> refresh, PeriodicTimer timer, CancellationTokenSource stop)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (timeProvider.GetElapsedTime(started) >= maxDuration)
                {
                    break;
                }

                await refresh(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                if (_chats.TryGetValue(chatId, out var current) && current.Stop == stop)
                {
                    _chats.Remove(chatId);
                }
            }

            timer.Dispose();
            stop.Dispose();
        }
    }
}
