using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The Messenger channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its <c>Connector:Messenger:Channels:{name}</c> section.</summary>
internal sealed record MessengerSettings(IReadOnlyDictionary<string, MessengerEndpointOptions> Channels)
{
    /// <summary>The Messenger channels of <paramref name="configuration"/>.</summary>
    public static MessengerSettings From(IConfiguration configuration) =>
        new((configuration.GetSection(MessengerChannelOptions.Section).Get<MessengerChannelOptions>() ?? new MessengerChannelOptions()).Channels);
}
