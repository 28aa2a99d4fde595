namespace Byoc.Core.Storage;

/// <summary>A row to add to the inbox or the outbox.</summary>
/// <param name="Source">The de-duplication scope: the channel name for the inbox, the topic for the outbox.</param>
/// <param name="Key">The de-duplication key within <paramref name="Source"/>.</param>
/// <param name="ConversationKey">Rows with the same conversation key are delivered in insertion order.</param>
/// <param name="Payload">The serialized canonical message.</param>
public sealed record NewQueueItem(string Source, string Key, string ConversationKey, string Payload)
{
    /// <summary>The W3C <c>traceparent</c> of the span that stored the row, so the worker's span continues that trace.</summary>
    public string? TraceParent { get; init; }
}
