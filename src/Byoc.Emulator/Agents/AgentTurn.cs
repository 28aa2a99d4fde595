namespace Byoc.Emulator.Agents;

/// <summary>One end-user message for the agent: <paramref name="IsFirstTurn"/> when the session was just routed to it.</summary>
internal sealed record AgentTurn(AgentDefinition Definition, string BotId, string SessionId, string Text, bool IsFirstTurn);
