namespace Byoc.Connector.Channels.Line;

/// <summary>The LINE Messaging API channels. Section <c>Connector:Line</c>.</summary>
internal sealed class LineChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Line";

    /// <summary>Channels by name, one LINE Official Account (Messaging API channel) each; each is served at <c>/channels/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, LineEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
