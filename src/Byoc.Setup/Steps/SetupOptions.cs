namespace Byoc.Setup.Steps;

/// <summary>What <c>byoc setup</c> sets up: the agent to route to and the BYOC channel's developer name.</summary>
public sealed record SetupOptions
{
    /// <summary>The Agentforce Service Agent's <c>BotDefinition.DeveloperName</c>.</summary>
    public string Agent { get; init; } = "Reservation_Agent";

    /// <summary>The BYOC <c>MessagingChannel.DeveloperName</c>.</summary>
    public string Channel { get; init; } = "AgentforceChannel";

    /// <summary>The channel's label when setup creates it.</summary>
    public string ChannelLabel { get; init; } = "Agentforce Channel";

    /// <summary>Show what would change without changing anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long a Metadata deploy may take.</summary>
    public TimeSpan DeployTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
