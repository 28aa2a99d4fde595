namespace Byoc.Emulator.Agents;

/// <summary>An OpenAI-compatible chat-completions endpoint that drives the agent (configuration section <c>Agents:Llm</c>).</summary>
internal sealed class LlmOptions
{
    /// <summary>The base URL; requests go to <c>{BaseUrl}/v1/chat/completions</c>.</summary>
    /// <value>Defaults to null: the scripted brain answers.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model name sent with each request.</summary>
    /// <value>Defaults to <c>gpt-4o-mini</c>.</value>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>The bearer API key, if the endpoint needs one.</summary>
    /// <value>Defaults to null (no Authorization header).</value>
    public string? ApiKey { get; set; }

    /// <summary>The timeout of one completion call; on timeout or error the agent gives its fallback answer.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
