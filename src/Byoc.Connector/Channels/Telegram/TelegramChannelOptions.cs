namespace Byoc.Connector.Channels.Telegram;

/// <summary>The Telegram bot channels. Section <c>Connector:Telegram</c>.</summary>
internal sealed class TelegramChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Telegram";

    /// <summary>Channels by name, one bot each; each is served at <c>POST /channels/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, TelegramEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
