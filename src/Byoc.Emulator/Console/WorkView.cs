namespace Byoc.Emulator.Console;

/// <summary>A session in the work list: queued (waiting in <paramref name="QueueName"/>) or open for the signed-in rep.</summary>
internal sealed record WorkView(
    string SessionId, string Status, string? AgentType, string? QueueId, string? QueueName, string EndUserName,
    string? Preview, DateTimeOffset Since, bool IsTransfer);
