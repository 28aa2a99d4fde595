namespace Byoc.Connector.Channels;

/// <summary>
/// The front door every channel is served through (<c>/channels/{channel}</c>). Section <c>Connector:Channels</c>.
/// Platforms that sign the URL they call (Twilio) need the public URL exactly as they called it; behind a reverse proxy it
/// differs from what Kestrel sees, so it comes from <see cref="PublicBaseUrl"/> or, only from a proxy listed in
/// <see cref="TrustedProxies"/>, from its forwarded headers. It never comes from a client's <c>Host</c> header.
/// </summary>
internal sealed class ChannelDoorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Channels";

    /// <summary>
    /// The connector's externally reachable base URL, for example <c>https://chat.example.com</c> or
    /// <c>https://example.com/byoc</c> (with the prefix the proxy strips): a request's public URL is this base, the path
    /// and the query as received. A channel's own <c>PublicBaseUrl</c>, where it has one, wins. <value>Default: none.</value>
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Addresses or networks (<c>10.0.0.0/8</c>, <c>::1</c>) of reverse proxies whose <c>X-Forwarded-Proto</c>,
    /// <c>X-Forwarded-Host</c> and <c>X-Forwarded-Prefix</c> headers are believed, when no base URL is configured: the
    /// last value of each, as the proxy next to the connector set it. <value>Default: none (forwarded headers are ignored).</value>
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
