using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Hosting;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// The Telegram channels as the connector would read them (<see cref="Hosting.ConnectorConfigurationFile"/>): its
/// <c>Connector:Telegram:Channels:{name}</c> section, and <c>Connector:Channels:PublicBaseUrl</c>.
/// </summary>
public sealed record TelegramSettings(IReadOnlyDictionary<string, TelegramEndpointOptions> Channels, Uri? PublicBaseUrl)
{
    /// <summary>Reads <paramref name="configFile"/> (when given; it must exist) and the environment.</summary>
    /// <exception cref="ArgumentException">The file does not exist or is not JSON.</exception>
    public static TelegramSettings Read(string? configFile) => From(ConnectorConfigurationFile.Read(configFile));

    /// <summary>The Telegram channels of <paramref name="configuration"/>.</summary>
    public static TelegramSettings From(IConfiguration configuration)
    {
        var telegram = configuration.GetSection(TelegramChannelOptions.Section).Get<TelegramChannelOptions>() ?? new TelegramChannelOptions();
        var door = configuration.GetSection(ChannelDoorOptions.Section).Get<ChannelDoorOptions>() ?? new ChannelDoorOptions();
        return new TelegramSettings(telegram.Channels, door.PublicBaseUrl);
    }
}
