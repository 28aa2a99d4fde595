namespace Byoc.Core.Storage;

/// <summary>The Pub/Sub replay id up to which a topic's events are safely stored.</summary>
/// <param name="Topic">The topic name, for example <c>/event/Conversation__e</c>.</param>
/// <param name="ReplayId">The opaque replay id bytes.</param>
public sealed record ReplayCheckpoint(string Topic, byte[] ReplayId);
