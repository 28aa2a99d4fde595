using Byoc.Connector.Channels.Slack;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The Slack channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its <c>Connector:Slack:Channels:{name}</c> section.</summary>
internal sealed record SlackSettings(IReadOnlyDictionary<string, SlackEndpointOptions> Channels)
{
    /// <summary>The Slack channels of <paramref name="configuration"/>.</summary>
    public static SlackSettings From(IConfiguration configuration) =>
        new((configuration.GetSection(SlackChannelOptions.Section).Get<SlackChannelOptions>() ?? new SlackChannelOptions()).Channels);
}
