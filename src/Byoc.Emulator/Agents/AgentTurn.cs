namespace Byoc.Emulator.Agents;

/// <summary>
/// One end-user message for the agent: <paramref name="IsFirstTurn"/> when the session was just routed to it;
/// <paramref name="PickedOption"/> is the option identifier when the message is a choice response.
/// </summary>
internal sealed record AgentTurn(AgentDefinition Definition, string BotId, string SessionId, string Text, bool IsFirstTurn, string? PickedOption = null);
