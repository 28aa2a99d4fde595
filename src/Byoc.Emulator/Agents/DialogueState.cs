namespace Byoc.Emulator.Agents;

/// <summary>Where a scripted dialogue is: the topic collecting slots and the values collected so far.</summary>
internal sealed class DialogueState
{
    public TopicDefinition? Topic { get; set; }

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
}
