namespace Byoc.Connector.Channels.Sending;

/// <summary>
/// Spaces one platform account's messages: at most <c>perChat</c> a second to one chat (an end user) and <c>global</c> a
/// second in all, on the <see cref="TimeProvider"/> (Telegram's per-chat and per-bot guidance, Twilio's per-number and
/// per-account rates, WhatsApp's per-user pair rate and throughput). A send reserves the next free slot of its chat and
/// the next free slot of the account, and waits for the later of the two; when that wait would be longer than the caller
/// allows, nothing is reserved and the caller hands the message back to the outbox with the wait as its retry hint. The
/// limits hold per connector instance.
/// </summary>
internal sealed class SendRateLimiter(double perChat, double global, TimeProvider timeProvider)
{
    private const int PruneAbove = 10_000;
    private readonly TimeSpan _chatSpacing = TimeSpan.FromSeconds(1 / perChat);
    private readonly TimeSpan _globalSpacing = TimeSpan.FromSeconds(1 / global);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private DateTimeOffset _globalNext;

    /// <summary>
    /// Reserves the next slot for a message to <paramref name="chatId"/> when it comes within <paramref name="maxWait"/>;
    /// <paramref name="wait"/> is how long until it (zero: send now), also when nothing was reserved.
    /// </summary>
    public bool TryReserve(string chatId, TimeSpan maxWait, out TimeSpan wait)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var chatAt = _chatNext.TryGetValue(chatId, out var next) && next > now ? next : now;
            var globalAt = _globalNext > now ? _globalNext : now;
            var at = globalAt > chatAt ? globalAt : chatAt;
            wait = at - now;
            if (wait > maxWait)
            {
                return false;
            }

            if (_chatNext.Count > PruneAbove)
            {
                foreach (var idle in _chatNext.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
                {
                    _chatNext.Remove(idle);
                }
            }

            _chatNext[chatId] = at + _chatSpacing;
            // The bot's slot is the earliest free one, not the chat's later turn: a chat waiting for its own turn does not
            // hold up every other chat behind it.
            _globalNext = globalAt + _globalSpacing;
            return true;
        }
    }
}
