namespace Byoc.Core.Storage;

/// <summary>A row of the inbox or the outbox, as claimed by a worker.</summary>
public sealed record QueueItem
{
    /// <summary>The row id; increases with insertion order.</summary>
    public required long Id { get; init; }

    /// <summary>The de-duplication key (platform message id for the inbox, conversation-entry id for the outbox).</summary>
    public required string Key { get; init; }

    /// <summary>Rows with the same conversation key are delivered one at a time, in id order.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The serialized canonical message.</summary>
    public required string Payload { get; init; }

    /// <summary>How many attempts have failed so far.</summary>
    public required int Attempts { get; init; }

    /// <summary>The last failure, if any.</summary>
    public string? LastError { get; init; }

    /// <summary>The W3C <c>traceparent</c> stored with the row, if it was stored inside a trace.</summary>
    public string? TraceParent { get; init; }
}
