namespace Byoc.Emulator.Console;

/// <summary>A session with its transcript and whether the signed-in rep owns it (may reply, transfer, end).</summary>
internal sealed record TranscriptView(
    string SessionId, string Status, string? AgentType, string? OwnerId, string EndUserName, bool IsMine, IReadOnlyList<TranscriptEntryView> Entries);
