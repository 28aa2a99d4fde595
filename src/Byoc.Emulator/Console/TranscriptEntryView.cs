namespace Byoc.Emulator.Console;

/// <summary>One transcript line from ConversationEntry: who (ActorType/ActorName), what, when, and its receipt status.</summary>
internal sealed record TranscriptEntryView(
    string Id, string? ActorType, string? ActorName, string? Message, string? EntryType, DateTimeOffset? Time, string? MessageStatus);
