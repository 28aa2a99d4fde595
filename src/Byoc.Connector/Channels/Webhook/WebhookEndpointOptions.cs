namespace Byoc.Connector.Channels.Webhook;

/// <summary>One generic webhook channel. Section <c>Connector:Webhook:Channels:{name}</c>.</summary>
internal sealed class WebhookEndpointOptions
{
    /// <summary>The Salesforce channel address this channel talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>The Standard Webhooks secret, <c>whsec_</c> + base64; signs both directions. <value>Required.</value></summary>
    public string? Secret { get; set; }

    /// <summary>Where outbound messages are POSTed. <value>Required.</value></summary>
    public Uri? OutboundUrl { get; set; }

    /// <summary>Largest accepted request body in bytes. <value>Default 262,144 (256 KiB).</value></summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How far <c>webhook-timestamp</c> may be from now. <value>Default 5 minutes.</value></summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-call timeout of outbound POSTs. <value>Default 10 seconds.</value></summary>
    public TimeSpan OutboundTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How structured messages reach the platform: <c>Native</c> sends choices, links and participant changes as
    /// structured JSON; <c>Text</c> turns them into readable text (numbered options; a reply with the number or the
    /// title is the pick). <value>Default <c>Native</c>.</value>
    /// </summary>
    public RichMessageMode RichMessages { get; set; } = RichMessageMode.Native;

    /// <summary>
    /// How the agent's and rep's files reach the platform: <c>Inline</c> as base64 <c>data</c> in the POST; <c>Link</c>
    /// as a signed <c>url</c> to the connector that works for <see cref="FileLinkLifetime"/>. <value>Default <c>Inline</c>.</value>
    /// </summary>
    public OutboundFileMode OutboundFiles { get; set; } = OutboundFileMode.Inline;

    /// <summary>
    /// The connector's externally reachable base URL, the start of every file link. <value>Required when
    /// <see cref="OutboundFiles"/> is <c>Link</c>.</value>
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a file link works. <value>Default 24 hours.</value></summary>
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
