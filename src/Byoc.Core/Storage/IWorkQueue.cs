using System.Diagnostics.CodeAnalysis;

namespace Byoc.Core.Storage;

/// <summary>
/// The shared shape of the inbox and the outbox: insert-or-ignore on (source, key), lease-based claims that hand out
/// only the oldest pending row of each conversation, and retry/dead-letter bookkeeping.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a work queue; the inbox and the outbox are its two instances.")]
public interface IWorkQueue
{
    /// <summary>Inserts the row unless (source, key) already exists. Returns true when this call inserted it.</summary>
    Task<bool> TryAddAsync(NewQueueItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a row with (source, key) was ever added, whatever became of it (pending, done or dead-lettered): exactly
    /// when <see cref="TryAddAsync"/> would add nothing. Lets a channel skip the costly work of a repeat (downloading a
    /// file again) before it builds the row; <see cref="TryAddAsync"/> stays the one de-duplication that counts.
    /// </summary>
    Task<bool> ContainsAsync(string source, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxItems"/> due rows for <paramref name="lease"/>: at most one per conversation, and
    /// only a conversation's oldest pending row. A row is never handed to two owners while its lease runs.
    /// </summary>
    Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed row done. Returns false when the lease was lost.</summary>
    Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and makes the row due again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string lastError, CancellationToken cancellationToken);

    /// <summary>Moves the row to the dead-letter table with a reason and the last error; the conversation moves on.</summary>
    Task<bool> DeadLetterAsync(long id, string owner, string reason, string lastError, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up every lease the owner still holds (a worker stopping mid-item), so the rows and their conversations are
    /// claimable at once instead of after the lease runs out. Attempts are not counted. Returns how many were released.
    /// </summary>
    Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Counts rows not yet done or dead.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
