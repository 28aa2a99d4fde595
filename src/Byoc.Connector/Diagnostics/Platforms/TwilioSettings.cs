using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Twilio;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// The Twilio channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its
/// <c>Connector:Twilio:Channels:{name}</c> section, and <c>Connector:Channels:PublicBaseUrl</c>.
/// </summary>
internal sealed record TwilioSettings(IReadOnlyDictionary<string, TwilioEndpointOptions> Channels, Uri? PublicBaseUrl)
{
    /// <summary>The Twilio channels of <paramref name="configuration"/>.</summary>
    public static TwilioSettings From(IConfiguration configuration)
    {
        var twilio = configuration.GetSection(TwilioChannelOptions.Section).Get<TwilioChannelOptions>() ?? new TwilioChannelOptions();
        var door = configuration.GetSection(ChannelDoorOptions.Section).Get<ChannelDoorOptions>() ?? new ChannelDoorOptions();
        return new TwilioSettings(twilio.Channels, door.PublicBaseUrl);
    }
}
