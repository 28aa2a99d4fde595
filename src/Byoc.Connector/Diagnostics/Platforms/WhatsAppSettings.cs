using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The WhatsApp channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its <c>Connector:WhatsApp:Channels:{name}</c> section.</summary>
internal sealed record WhatsAppSettings(IReadOnlyDictionary<string, WhatsAppEndpointOptions> Channels)
{
    /// <summary>The WhatsApp channels of <paramref name="configuration"/>.</summary>
    public static WhatsAppSettings From(IConfiguration configuration) =>
        new((configuration.GetSection(WhatsAppChannelOptions.Section).Get<WhatsAppChannelOptions>() ?? new WhatsAppChannelOptions()).Channels);
}
