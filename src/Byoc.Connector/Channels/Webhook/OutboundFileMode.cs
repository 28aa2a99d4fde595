namespace Byoc.Connector.Channels.Webhook;

/// <summary>How a webhook channel hands the agent's and rep's files to the platform.</summary>
internal enum OutboundFileMode
{
    /// <summary>The file's bytes in base64 <c>data</c> in the POST.</summary>
    Inline,

    /// <summary>A signed, expiring <c>url</c> to <c>GET /webhooks/{channel}/files/{id}</c> on the connector.</summary>
    Link,
}
