namespace Byoc.Emulator.Agents;

/// <summary>What the agent does: an optional progress indicator, its replies, and whether it then escalates.</summary>
internal sealed record AgentPlan(string? Progress, IReadOnlyList<AgentReply> Replies, bool Escalate = false);
