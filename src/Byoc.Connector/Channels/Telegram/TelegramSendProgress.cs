using System.Collections.Concurrent;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// How many parts of a multi-part outbound message (a long text split in several messages, several files) reached the
/// chat, so that a retry after a failed later part (a 429, a timeout) does not send the first parts again. Kept in
/// memory: after a restart a retry may repeat parts already shown (at-least-once, like every platform send). Entries are
/// forgotten when the message is done or, failing that, after a day.
/// </summary>
internal sealed class TelegramSendProgress(TimeProvider timeProvider)
{
    private static readonly TimeSpan s_forgetAfter = TimeSpan.FromDays(1);
    private const int SweepAbove = 1_000;
    private readonly ConcurrentDictionary<string, (int Sent, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);

    /// <summary>How many parts of the message were sent before.</summary>
    public int Sent(string key) => _entries.TryGetValue(key, out var entry) ? entry.Sent : 0;

    /// <summary>Records that the first <paramref name="sent"/> parts of the message reached the chat.</summary>
    public void Record(string key, int sent)
    {
        var now = timeProvider.GetUtcNow();
        if (_entries.Count > SweepAbove)
        {
            foreach (var stale in _entries.Where(pair => now - pair.Value.At > s_forgetAfter))
            {
                _entries.TryRemove(stale);
            }
        }

        _entries[key] = (sent, now);
    }

    /// <summary>Forgets the message: every part was sent, or it failed for good.</summary>
    public void Done(string key) => _entries.TryRemove(key, out _);
}
