namespace Byoc.Connector.Channels.WebChat;

/// <summary>The web chat channels. Section <c>Connector:WebChat</c>.</summary>
internal sealed class WebChatChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:WebChat";

    /// <summary>Channels by name; each is served at <c>/chat/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, WebChatEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
