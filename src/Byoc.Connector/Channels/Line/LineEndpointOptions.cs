namespace Byoc.Connector.Channels.Line;

/// <summary>One LINE Messaging API channel (a LINE Official Account). Section <c>Connector:Line:Channels:{name}</c>.</summary>
internal sealed class LineEndpointOptions
{
    /// <summary>LINE's Messaging API.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.line.me");

    /// <summary>LINE's data host, which serves the content of the end users' files.</summary>
    public static readonly Uri DefaultDataBaseUrl = new("https://api-data.line.me");

    /// <summary>The Salesforce channel address this LINE account talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The channel secret (LINE Developers console, the channel's Basic settings). A secret, never logged: it keys the
    /// <c>x-line-signature</c> of every webhook. <c>…:ChannelSecret_FILE</c> reads it from a file. <value>Required.</value>
    /// </summary>
    public string? ChannelSecret { get; set; }

    /// <summary>
    /// The long-lived channel access token (the channel's Messaging API tab, "Channel access token"). A secret, never
    /// logged: every API call carries it as <c>Authorization: Bearer</c>. <value>Required.</value>
    /// </summary>
    public string? ChannelAccessToken { get; set; }

    /// <summary>The Messaging API, or a local fake. Scheme, host and port only. <value>Default <c>https://api.line.me</c>.</value></summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The data host for the end users' files, or a local fake. Scheme, host and port only. <value>Default <c>https://api-data.line.me</c>.</value></summary>
    public Uri DataBaseUrl { get; set; } = DefaultDataBaseUrl;

    /// <summary>
    /// The channel's own public base URL for the file links LINE fetches the agent's images from (LINE takes HTTPS
    /// links only); else <c>Connector:Channels:PublicBaseUrl</c>. Without either, files go as a notice instead.
    /// <value>Default: none.</value>
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long after its webhook arrived an end user's reply token is still used: LINE guarantees it for one minute
    /// only, so an answer later than this goes by push. <value>Default 30 s.</value>
    /// </summary>
    public TimeSpan ReplyTokenMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the agent's typing and progress show LINE's loading animation in the end user's chat. <value>Default true.</value></summary>
    public bool TypingIndicators { get; set; } = true;

    /// <summary>How long one loading animation lasts, in seconds: 5 to 60, a multiple of 5 (it also ends with the next message). <value>Default 20.</value></summary>
    public int LoadingSeconds { get; set; } = 20;

    /// <summary>
    /// Whether an answer or the agent's typing marks the end user's messages read (the account's Chat feature must be
    /// on, else LINE marks them read itself); Salesforce reports no "agent read" of its own. <value>Default true.</value>
    /// </summary>
    public bool ReadReceipts { get; set; } = true;

    /// <summary>The most quick-reply buttons a choices message gets (LINE's maximum is 13); more choices go as numbered text. <value>Default 13.</value></summary>
    public int MaxQuickReplies { get; set; } = LineMessages.MaxQuickReplies;

    /// <summary>The largest webhook body accepted, in bytes (LINE batches several events in one). <value>Default 262,144.</value></summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>API calls per second that send to one end user. <value>Default 5.</value></summary>
    public double PerUserMessagesPerSecond { get; set; } = 5;

    /// <summary>Send calls per second from this account in all (LINE allows 2,000 a second for push and reply). <value>Default 100.</value></summary>
    public double AccountMessagesPerSecond { get; set; } = 100;

    /// <summary>How long a send may wait for its turn before it is handed back to the outbox to retry. <value>Default 2 s.</value></summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The time one API call may take. <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a file link given to LINE stays valid; LINE fetches images when it shows them. <value>Default 24 hours.</value></summary>
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
