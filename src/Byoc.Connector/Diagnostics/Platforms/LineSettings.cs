using Byoc.Connector.Channels.Line;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The LINE channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its <c>Connector:Line:Channels:{name}</c> section.</summary>
internal sealed record LineSettings(IReadOnlyDictionary<string, LineEndpointOptions> Channels)
{
    /// <summary>The LINE channels of <paramref name="configuration"/>.</summary>
    public static LineSettings From(IConfiguration configuration) =>
        new((configuration.GetSection(LineChannelOptions.Section).Get<LineChannelOptions>() ?? new LineChannelOptions()).Channels);
}
