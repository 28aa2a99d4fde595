using Byoc.Setup.Connection;

namespace Byoc.Setup.Checks;

/// <summary>What <c>byoc doctor</c> checks against.</summary>
public sealed record DoctorOptions
{
    /// <summary>The developer name of the Agentforce Service Agent the channel routes to.</summary>
    public string Agent { get; init; } = "Reservation_Agent";

    /// <summary>The BYOC channel's developer name, used when no address is given.</summary>
    public string Channel { get; init; } = "AgentforceChannel";

    /// <summary>The connector's <c>ChannelAddressIdentifier</c>; when set, the channel is looked up by it.</summary>
    public string? ChannelAddress { get; init; }

    /// <summary>The running connector's base URL (its <c>/healthz/ready</c>); null skips the connector check.</summary>
    public Uri? ConnectorUrl { get; init; }

    /// <summary>The connector's own JWT login (integration user); null skips the token and Pub/Sub checks.</summary>
    public JwtLoginSettings? ConnectorLogin { get; init; }

    /// <summary>The Pub/Sub probe; null skips the topic check.</summary>
    public ITopicProbe? TopicProbe { get; init; }

    /// <summary>Checks of the connector's configured channels on their platforms (a Telegram bot's webhook), run after the org's.</summary>
    public IReadOnlyList<IDoctorCheck> ChannelChecks { get; init; } = [];
}
