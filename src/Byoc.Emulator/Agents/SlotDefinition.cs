namespace Byoc.Emulator.Agents;

/// <summary>A piece of data a topic asks for: <see cref="Type"/> is text, number, date, time or reference.</summary>
internal sealed class SlotDefinition
{
    public string Name { get; set; } = string.Empty;

    public string Type { get; set; } = "text";

    public MessageTemplate Ask { get; set; } = new();

    /// <summary>What the agent says when the answer does not parse or is out of range.</summary>
    public string Invalid { get; set; } = "Sorry, I didn't get that.";

    public int Min { get; set; } = 1;

    public int Max { get; set; } = 20;

    /// <summary>Whether the slot may already be filled from the utterance that started the topic.</summary>
    public bool FromUtterance { get; set; }
}
