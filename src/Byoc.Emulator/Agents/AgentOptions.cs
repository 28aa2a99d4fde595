namespace Byoc.Emulator.Agents;

/// <summary>The Agentforce Service Agent simulator (configuration section <c>Agents</c>).</summary>
internal sealed class AgentOptions
{
    public const string SectionName = "Agents";

    /// <summary>How long the agent "thinks" before it answers (after any progress indicator); 0 for benchmarks.</summary>
    /// <value>Defaults to 400 milliseconds.</value>
    public TimeSpan ThinkTime { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>A folder of extra agent definitions (<c>{BotDefinition.DeveloperName}.yaml</c>) that override the built-in ones.</summary>
    /// <value>Defaults to null (built-in definitions only).</value>
    public string? DefinitionsPath { get; set; }

    /// <summary>The optional LLM brain (<c>Agents:Llm</c>); the scripted brain is used while its BaseUrl is empty.</summary>
    public LlmOptions Llm { get; set; } = new();
}
