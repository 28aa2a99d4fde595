namespace Byoc.Connector.Channels.Meta;

/// <summary>The Facebook Messenger channels (Meta). Section <c>Connector:Messenger</c>.</summary>
internal sealed class MessengerChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Messenger";

    /// <summary>Channels by name, one Facebook Page each; each is served at <c>/channels/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, MessengerEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
