using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Agents;

/// <summary>
/// One agent message: text, with choices that go out structured only where the channel registered them. Choices that are
/// all time slots go out as a TimePicker (with <paramref name="TimezoneOffset"/>, minutes) where the channel registered that.
/// </summary>
internal sealed record AgentReply(string Text, IReadOnlyList<ChoiceOption>? Choices = null, int? TimezoneOffset = null);
