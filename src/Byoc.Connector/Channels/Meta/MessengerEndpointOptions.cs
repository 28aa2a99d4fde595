namespace Byoc.Connector.Channels.Meta;

/// <summary>One Facebook Page on the Messenger Platform. Section <c>Connector:Messenger:Channels:{name}</c>.</summary>
internal sealed class MessengerEndpointOptions
{
    /// <summary>The Salesforce channel address this Page talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The Meta app's App Secret (App settings &gt; Basic). A secret, never logged: it keys the <c>X-Hub-Signature-256</c>
    /// of every webhook. <c>…:AppSecret_FILE</c> reads it from a file. <value>Required.</value>
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The verify token: any string you choose and paste into the app's Messenger webhook settings; Meta sends it back in
    /// the verification <c>GET</c>. A secret, never logged. <value>Required.</value>
    /// </summary>
    public string? VerifyToken { get; set; }

    /// <summary>
    /// The Page access token for the Send API (Messenger &gt; Messenger API Settings, "Generate token", with
    /// <c>pages_messaging</c>). A secret, never logged. <value>Required.</value>
    /// </summary>
    public string? PageAccessToken { get; set; }

    /// <summary>The Facebook Page's id, digits only: webhooks for other Pages are left out. <value>Required.</value></summary>
    public string? PageId { get; set; }

    /// <summary>The Graph API version in request paths. <value>Default <c>v23.0</c>.</value></summary>
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>Meta's Graph API, or a local fake. Scheme, host and port only. <value>Default <c>https://graph.facebook.com</c>.</value></summary>
    public Uri GraphBaseUrl { get; set; } = WhatsAppEndpointOptions.DefaultGraphBaseUrl;

    /// <summary>The standard messaging window after the end user's last message, when any message may go. <value>Default 24 hours.</value></summary>
    public TimeSpan StandardMessagingWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether a human rep's message after the standard window goes with <c>messaging_type: MESSAGE_TAG</c> and
    /// <c>tag: HUMAN_AGENT</c> (the Page needs Meta's Human Agent permission). Off, or beyond
    /// <see cref="HumanAgentWindow"/>, such a message fails to Salesforce naming the window. An Agentforce agent's
    /// message never gets the tag. <value>Default true.</value>
    /// </summary>
    public bool HumanAgentTag { get; set; } = true;

    /// <summary>How long after the end user's last message the <c>HUMAN_AGENT</c> tag may be used. <value>Default 7 days.</value></summary>
    public TimeSpan HumanAgentWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether the agent's typing and progress show Messenger's typing indicator (<c>typing_on</c>, and <c>typing_off</c>
    /// when it stops). <value>Default true.</value>
    /// </summary>
    public bool TypingIndicators { get; set; } = true;

    /// <summary>
    /// Whether an answer first marks the end user's last message seen (<c>mark_seen</c>), once per message; Salesforce
    /// reports no "agent read" of its own. <value>Default true.</value>
    /// </summary>
    public bool ReadReceipts { get; set; } = true;

    /// <summary>The largest webhook body accepted, in bytes (Meta batches several events in one). <value>Default 262,144.</value></summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Messages per second sent to one end user (UNCONFIRMED: Meta publishes no per-user rate). <value>Default 5.</value></summary>
    public double PerUserMessagesPerSecond { get; set; } = 5;

    /// <summary>Messages per second sent from this Page in all (UNCONFIRMED: Meta's limit scales with the Page's audience). <value>Default 40.</value></summary>
    public double AccountMessagesPerSecond { get; set; } = 40;

    /// <summary>How long a send may wait for its turn before it is handed back to the outbox to retry. <value>Default 2 s.</value></summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The time one Graph call may take. <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
