namespace Byoc.Emulator.Agents;

/// <summary>What the agent says when it hands over to a human, and when it cannot.</summary>
internal sealed class EscalationDefinition
{
    public string Reply { get; set; } = "I'm connecting you with a member of our team.";

    public string Unavailable { get; set; } = "Sorry, I can't connect you with a person right now.";

    public string? Progress { get; set; }
}
