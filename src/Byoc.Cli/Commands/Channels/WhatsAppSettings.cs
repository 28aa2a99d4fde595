using Byoc.Connector.Channels.Meta;
using Microsoft.Extensions.Configuration;

namespace Byoc.Cli.Commands.Channels;

/// <summary>The WhatsApp channels as the connector would read them (<see cref="ConnectorConfigurationFile"/>): its <c>Connector:WhatsApp:Channels:{name}</c> section.</summary>
internal sealed record WhatsAppSettings(IReadOnlyDictionary<string, WhatsAppEndpointOptions> Channels)
{
    /// <summary>The WhatsApp channels of <paramref name="configuration"/>.</summary>
    public static WhatsAppSettings From(IConfiguration configuration) =>
        new((configuration.GetSection(WhatsAppChannelOptions.Section).Get<WhatsAppChannelOptions>() ?? new WhatsAppChannelOptions()).Channels);
}
