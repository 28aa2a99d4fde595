namespace Byoc.Core.Storage;

/// <summary>
/// A durable, per-end-user log of what a chat page shows (agent entries and the end user's own messages), numbered
/// 1, 2, 3… per (channel, platform user) so that a page can reconnect and ask for exactly the entries after the last one
/// it saw. Appends are idempotent on (channel, platform user, key).
/// </summary>
public interface IChatLogStore
{
    /// <summary>
    /// Appends the entry unless (channel, platform user, key) already exists, and returns the stored entry either way
    /// (<see cref="ChatLogAppend.Added"/> tells which). Sequence numbers are gap-free per end user, in commit order.
    /// </summary>
    Task<ChatLogAppend> AppendAsync(string channel, string platformUserId, string key, string payload, CancellationToken cancellationToken);

    /// <summary>The entry of (channel, platform user, key), or null: whether this end user's log holds it.</summary>
    Task<ChatLogEntry?> FindAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken);

    /// <summary>Returns up to <paramref name="maxEntries"/> entries with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<ChatLogEntry>> ReadAfterAsync(string channel, string platformUserId, long afterSequence, int maxEntries,
        CancellationToken cancellationToken);
}
