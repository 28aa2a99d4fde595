namespace Byoc.Core.Storage;

/// <summary>Reads, replays and purges the dead-letter table.</summary>
public interface IDeadLetterStore
{
    /// <summary>Lists dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Lists up to <paramref name="max"/> dead letters with an id below <paramref name="beforeId"/> (all when null), newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, long? beforeId, CancellationToken cancellationToken);

    /// <summary>Returns one dead letter, or null when there is none with that id.</summary>
    Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Counts the dead letters.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Puts the dead letter back at the end of its queue as a fresh row (no attempts, due now) and removes it from the
    /// dead-letter table, in one transaction. Returns false when there is no such dead letter, or when its queue already
    /// holds a live row with the same key (then nothing changes).
    /// </summary>
    Task<bool> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>Replays every dead letter, oldest first; returns how many went back to their queue.</summary>
    Task<int> ReplayAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes one dead letter for good. Returns false when there is none with that id.</summary>
    Task<bool> PurgeAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deletes every dead letter older than <paramref name="olderThan"/> (all when null); returns how many.</summary>
    Task<int> PurgeAllAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken);
}
