using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Agents;

/// <summary>One agent message: text, with choices that go out structured only where the channel registered them.</summary>
internal sealed record AgentReply(string Text, IReadOnlyList<ChoiceOption>? Choices = null);
