namespace Byoc.Core.Storage;

/// <summary>One entry of an end user's chat log.</summary>
/// <param name="Sequence">The entry's position in the end user's log, starting at 1.</param>
/// <param name="Key">The idempotency key the entry was appended with.</param>
/// <param name="Payload">The serialized entry, as appended.</param>
/// <param name="CreatedAt">When the entry was first appended.</param>
public sealed record ChatLogEntry(long Sequence, string Key, string Payload, DateTimeOffset CreatedAt);
