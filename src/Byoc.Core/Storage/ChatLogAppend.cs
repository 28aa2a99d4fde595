namespace Byoc.Core.Storage;

/// <summary>The result of <see cref="IChatLogStore.AppendAsync"/>.</summary>
/// <param name="Entry">The stored entry (the earlier one when the key existed).</param>
/// <param name="Added">True when this call appended the entry; false when the key was already in the log.</param>
public readonly record struct ChatLogAppend(ChatLogEntry Entry, bool Added);
