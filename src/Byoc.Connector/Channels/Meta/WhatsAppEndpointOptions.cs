namespace Byoc.Connector.Channels.Meta;

/// <summary>One WhatsApp business phone number on the Cloud API. Section <c>Connector:WhatsApp:Channels:{name}</c>.</summary>
internal sealed class WhatsAppEndpointOptions
{
    /// <summary>Meta's Graph API.</summary>
    public static readonly Uri DefaultGraphBaseUrl = new("https://graph.facebook.com");

    /// <summary>The Salesforce channel address this number talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The Meta app's App Secret (App settings &gt; Basic). A secret, never logged: it keys the <c>X-Hub-Signature-256</c>
    /// of every webhook. <c>…:AppSecret_FILE</c> reads it from a file. <value>Required.</value>
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The verify token: any string you choose and paste into the app's WhatsApp webhook settings; Meta sends it back in
    /// the verification <c>GET</c>. A secret, never logged. <value>Required.</value>
    /// </summary>
    public string? VerifyToken { get; set; }

    /// <summary>
    /// The access token for the Graph API (a system user's permanent token with <c>whatsapp_business_messaging</c>). A
    /// secret, never logged. <value>Required.</value>
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The business phone number's id (WhatsApp &gt; API Setup, "Phone number ID"), digits only. <value>Required.</value></summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>
    /// The WhatsApp Business Account id that holds the number (WhatsApp &gt; API Setup), digits only: <c>byoc doctor</c> then
    /// checks that the app is subscribed to its webhooks (<c>GET /{waba-id}/subscribed_apps</c>). The connector itself
    /// does not need it. <value>Default: none (the doctor skips that part).</value>
    /// </summary>
    public string? BusinessAccountId { get; set; }

    /// <summary>The Graph API version in request paths. <value>Default <c>v23.0</c>.</value></summary>
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>Meta's Graph API, or a local fake. Scheme, host and port only. <value>Default <c>https://graph.facebook.com</c>.</value></summary>
    public Uri GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>
    /// The approved message template sent instead of a free-form message outside the 24-hour customer-service window,
    /// with the message text as its one body parameter (<c>{{1}}</c>). Without it such a message fails to Salesforce
    /// naming the window. <value>Default: none.</value>
    /// </summary>
    public string? WindowTemplateName { get; set; }

    /// <summary>The language code of <see cref="WindowTemplateName"/>. <value>Default <c>en_US</c>.</value></summary>
    public string WindowTemplateLanguage { get; set; } = "en_US";

    /// <summary>
    /// Approved templates for Salesforce message definitions, keyed by the definition's unique name (or id): a message
    /// definition the agent or rep sends goes as its template, inside the 24-hour window or outside it. A definition
    /// without a mapping is shown as text inside the window and treated like any text outside it. <value>Default: none.</value>
    /// </summary>
    public Dictionary<string, WhatsAppTemplateMapping> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The customer-service window after the end user's last message. <value>Default 24 hours.</value></summary>
    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether the agent's typing and progress mark the end user's last message read and show WhatsApp's typing
    /// indicator (one call; it clears on the next message or after 25 s). <value>Default true.</value>
    /// </summary>
    public bool TypingIndicators { get; set; } = true;

    /// <summary>
    /// Whether an answer in the window first marks the end user's last message read (blue ticks), once per message;
    /// Salesforce reports no "agent read" of its own. <value>Default true.</value>
    /// </summary>
    public bool ReadReceipts { get; set; } = true;

    /// <summary>The largest webhook body accepted, in bytes (Meta batches several messages in one). <value>Default 262,144.</value></summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Messages per second sent to one end user (Meta's pair rate limit, error 131056). <value>Default 1.</value></summary>
    public double PerUserMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per second sent from this number in all (the Cloud API's default throughput is 80). <value>Default 80.</value></summary>
    public double AccountMessagesPerSecond { get; set; } = 80;

    /// <summary>How long a send may wait for its turn before it is handed back to the outbox to retry. <value>Default 2 s.</value></summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The time one Graph call may take. <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
