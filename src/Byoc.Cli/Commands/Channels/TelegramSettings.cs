using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Telegram;
using Microsoft.Extensions.Configuration;

namespace Byoc.Cli.Commands.Channels;

/// <summary>
/// The Telegram channels as the connector would read them: a JSON configuration file in the connector's format (its
/// <c>Connector:Telegram:Channels:{name}</c> section, and <c>Connector:Channels:PublicBaseUrl</c>) with environment
/// variables over it (<c>Connector__Telegram__Channels__tg__BotToken</c>), the same keys the connector takes.
/// </summary>
internal sealed record TelegramSettings(IReadOnlyDictionary<string, TelegramEndpointOptions> Channels, Uri? PublicBaseUrl)
{
    /// <summary>Reads <paramref name="configFile"/> (when given; it must exist) and the environment.</summary>
    /// <exception cref="ArgumentException">The file does not exist or is not JSON.</exception>
    public static TelegramSettings Read(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"The configuration file '{path}' does not exist.");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        IConfiguration configuration;
        try
        {
            configuration = builder.AddEnvironmentVariables().Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"The configuration file '{configFile}' is not valid JSON: {ex.Message}", ex);
        }

        var telegram = configuration.GetSection(TelegramChannelOptions.Section).Get<TelegramChannelOptions>() ?? new TelegramChannelOptions();
        var door = configuration.GetSection(ChannelDoorOptions.Section).Get<ChannelDoorOptions>() ?? new ChannelDoorOptions();
        return new TelegramSettings(telegram.Channels, door.PublicBaseUrl);
    }
}
