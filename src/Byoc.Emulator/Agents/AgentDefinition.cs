namespace Byoc.Emulator.Agents;

/// <summary>A scripted agent (YAML, <c>Agents/Definitions/{DeveloperName}.yaml</c>): greeting, topics, escalation, fallback.</summary>
internal sealed class AgentDefinition
{
    public string DeveloperName { get; set; } = string.Empty;

    /// <summary>What the agent is for; the LLM brain uses it as the first line of its instructions.</summary>
    public string Description { get; set; } = string.Empty;

    public MessageTemplate Greeting { get; set; } = new();

    public string Fallback { get; set; } = "Sorry, I can't help with that.";

    public EscalationDefinition Escalation { get; set; } = new();

    /// <summary>Utterances that abandon the question in progress.</summary>
    public List<string> Abandon { get; set; } = [];

    public string AbandonReply { get; set; } = "No problem. What else can I do for you?";

    /// <summary>Topics in priority order: the first whose pattern matches the utterance wins.</summary>
    public List<TopicDefinition> Topics { get; set; } = [];
}
