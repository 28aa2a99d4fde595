using System.Collections.Concurrent;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Sending;

/// <summary>
/// How many parts of a multi-part outbound message (a long text split in several messages, several files) reached the
/// end user, so that a retry after a failed later part (a 429, a timeout) does not send the first parts again. Kept in
/// memory: after a restart a retry may repeat parts already shown (at-least-once, like every platform send). Entries are
/// forgotten when the message is done or, failing that, after a day. One per channel, shared by its sends.
/// </summary>
internal sealed class PartProgress(TimeProvider timeProvider)
{
    private static readonly TimeSpan s_forgetAfter = TimeSpan.FromDays(1);
    private const int SweepAbove = 1_000;
    private readonly ConcurrentDictionary<string, (int Sent, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends the parts of <paramref name="message"/> not sent before, in order, with <paramref name="sendPart"/> (given the
    /// part's index); stops at the first failure, which it returns (a permanent one forgets the message, a retryable one
    /// keeps the parts already sent for the retry). Succeeds when the last part was sent.
    /// </summary>
    public async Task<DeliveryOutcome> SendInOrderAsync(OutboundMessage message, int parts, Func<int, Task<DeliveryOutcome>> sendPart)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sendPart);
        var key = $"{message.Kind}:{message.EntryIdentifier}";
        for (var index = Sent(key); index < parts; index++)
        {
            var outcome = await sendPart(index);
            if (!outcome.IsSuccess)
            {
                if (outcome.Kind == DeliveryOutcomeKind.Permanent)
                {
                    Done(key);
                }

                return outcome;
            }

            Record(key, index + 1);
        }

        Done(key);
        return DeliveryOutcome.Succeeded;
    }

    private int Sent(string key) => _entries.TryGetValue(key, out var entry) ? entry.Sent : 0;

    private void Record(string key, int sent)
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

    private void Done(string key) => _entries.TryRemove(key, out _);
}
