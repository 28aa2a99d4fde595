namespace Byoc.Emulator.Agents;

/// <summary>
/// A topic: matched by regular-expression <see cref="Patterns"/> (case-insensitive), it asks for its <see cref="Slots"/>
/// one at a time, runs its <see cref="Action"/> (<c>escalate</c>, <c>greet</c>, <c>makeReservation</c>,
/// <c>findReservation</c>, <c>cancelReservation</c>, or none) and answers from <see cref="Reply"/>.
/// </summary>
internal sealed class TopicDefinition
{
    public string Name { get; set; } = string.Empty;

    /// <summary>What the topic does, in words, for the LLM brain's instructions.</summary>
    public string Instructions { get; set; } = string.Empty;

    public List<string> Patterns { get; set; } = [];

    public List<SlotDefinition> Slots { get; set; } = [];

    public string? Action { get; set; }

    /// <summary>The progress indicator text shown while the action runs (channels that registered progress indicators).</summary>
    public string? Progress { get; set; }

    public MessageTemplate Reply { get; set; } = new();

    /// <summary>The topic that continues the dialogue after the reply, keeping the values collected (the time picked, say).</summary>
    public string? Then { get; set; }

    /// <summary>The reply when the action finds nothing (an unknown reservation reference).</summary>
    public string? NotFound { get; set; }
}
