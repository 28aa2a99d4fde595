namespace Byoc.Connector.Channels.Twilio;

/// <summary>The Twilio channels (SMS, MMS and WhatsApp). Section <c>Connector:Twilio</c>.</summary>
internal sealed class TwilioChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Twilio";

    /// <summary>Channels by name, one sender each; each is served at <c>POST /channels/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, TwilioEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
