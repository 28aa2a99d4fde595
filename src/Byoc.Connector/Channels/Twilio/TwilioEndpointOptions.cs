namespace Byoc.Connector.Channels.Twilio;

/// <summary>One Twilio sender. Section <c>Connector:Twilio:Channels:{name}</c>.</summary>
internal sealed class TwilioEndpointOptions
{
    /// <summary>Twilio's REST API.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.twilio.com");

    /// <summary>The Salesforce channel address this sender talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>SMS (and MMS) or WhatsApp. <value>Default <c>Sms</c>.</value></summary>
    public TwilioChannelKind Kind { get; set; } = TwilioChannelKind.Sms;

    /// <summary>The account SID, <c>AC</c> and 32 hex digits. <value>Required.</value></summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The account's Auth Token. A secret, never logged: it signs every webhook Twilio sends (so it is required even with
    /// an API key) and, without <see cref="ApiKeySid"/>, authenticates the REST calls. <c>Connector:Twilio:Channels:{name}:AuthToken_FILE</c>
    /// reads it from a file. <value>Required.</value>
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>An API key SID (<c>SK…</c>) for the REST calls instead of the Auth Token. <value>Default: none.</value></summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The API key's secret; a secret, never logged. Required with <see cref="ApiKeySid"/>. <value>Default: none.</value></summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>
    /// The sender: an E.164 number (<c>+15551234567</c>) for SMS, the same for WhatsApp (the connector adds <c>whatsapp:</c>).
    /// One of this and <see cref="MessagingServiceSid"/> is required. <value>Default: none.</value>
    /// </summary>
    public string? From { get; set; }

    /// <summary>A messaging service (<c>MG…</c>) that picks the sender. <value>Default: none.</value></summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Twilio's REST API, or a local fake. Scheme, host and port only. <value>Default <c>https://api.twilio.com</c>.</value></summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// This channel's externally reachable base URL: Twilio signs the URL it calls, and the status callback and file links
    /// are built from it. Falls back to <c>Connector:Channels:PublicBaseUrl</c>; one of them is required. <value>Default: none.</value>
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// WhatsApp only: the approved template (Content API <c>HX…</c> SID) sent instead of a free-form message outside the
    /// 24-hour customer-service window, with the message text as variable <c>1</c>. Without it such a message fails to
    /// Salesforce naming the window. <value>Default: none.</value>
    /// </summary>
    public string? WindowTemplateContentSid { get; set; }

    /// <summary>WhatsApp only: the customer-service window after the end user's last message. <value>Default 24 hours.</value></summary>
    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// WhatsApp only: whether the agent's typing and progress show WhatsApp's typing indicator (Twilio's Typing Indicators
    /// resource, a public beta, not HIPAA-eligible: turn it off for such workflows). <value>Default true.</value>
    /// </summary>
    public bool TypingIndicators { get; set; } = true;

    /// <summary>
    /// Whether STOP (and Twilio's other opt-out words) stops sends to that end user until START: a send is then failed to
    /// Salesforce naming the opt-out instead of reaching Twilio. <value>Default true.</value>
    /// </summary>
    public bool HonorOptOut { get; set; } = true;

    /// <summary>
    /// How long a file link given to Twilio as <c>MediaUrl</c> stays valid; Twilio fetches the file when it creates the
    /// message, so a short lifetime keeps links from being useful later. <value>Default 1 hour.</value>
    /// </summary>
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest webhook body accepted, in bytes. <value>Default 65,536.</value></summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Messages per second sent to one end user. <value>Default 1.</value></summary>
    public double PerNumberMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per second sent by this channel in all (a long code's throughput is about 1). <value>Default 10.</value></summary>
    public double AccountMessagesPerSecond { get; set; } = 10;

    /// <summary>How long a send may wait for its turn before it is handed back to the outbox to retry. <value>Default 2 s.</value></summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The time one REST call may take. <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;

    /// <summary>The WhatsApp sender or number as Twilio writes it in <c>From</c>/<c>To</c>.</summary>
    public string? Address => From is null ? null : Kind == TwilioChannelKind.WhatsApp ? TwilioAddresses.WhatsApp(From) : From;
}
