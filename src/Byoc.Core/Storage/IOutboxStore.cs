namespace Byoc.Core.Storage;

/// <summary>Salesforce entries on their way to a platform, de-duplicated by (topic, conversation-entry identifier).</summary>
public interface IOutboxStore : IWorkQueue
{
    /// <summary>
    /// Inserts the row unless it exists (<paramref name="item"/> may be null for an event that was filtered out) and
    /// moves the topic's replay checkpoint, in one transaction. Returns true when a row was inserted.
    /// </summary>
    Task<bool> TryAddWithCheckpointAsync(NewQueueItem? item, ReplayCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Returns the stored replay id of a topic, or null when none was stored yet.</summary>
    Task<byte[]?> GetReplayIdAsync(string topic, CancellationToken cancellationToken);
}
