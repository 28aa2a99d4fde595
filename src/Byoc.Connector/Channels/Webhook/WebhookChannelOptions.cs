namespace Byoc.Connector.Channels.Webhook;

/// <summary>The generic webhook channels. Section <c>Connector:Webhook</c>.</summary>
internal sealed class WebhookChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Webhook";

    /// <summary>Channels by name; each is served at <c>POST /webhooks/{name}</c>. <value>Default: none.</value></summary>
    public Dictionary<string, WebhookEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
