namespace Byoc.Connector.Channels.Meta;

/// <summary>The WhatsApp Cloud API channels (Meta). Section <c>Connector:WhatsApp</c>.</summary>
internal sealed class WhatsAppChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:WhatsApp";

    /// <summary>Channels by name, one business phone number each; each is served at <c>/channels/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, WhatsAppEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
