namespace Byoc.Connector.Channels.Slack;

/// <summary>One Slack app installed in a workspace. Section <c>Connector:Slack:Channels:{name}</c>.</summary>
internal sealed class SlackEndpointOptions
{
    /// <summary>Slack's own Web API.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://slack.com/api/");

    /// <summary>The Salesforce channel address this app talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The bot user OAuth token (<c>xoxb-…</c>) from the app's OAuth &amp; Permissions page: every Web API call and every
    /// file download carries it as <c>Authorization: Bearer</c>. A secret, never logged. <value>Required.</value>
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The app's signing secret (Basic Information, App Credentials): the key of the <c>v0</c> signature of every request
    /// Slack sends. A secret, never logged. <value>Required.</value>
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// The Web API base URL the method names are appended to (<c>{ApiBaseUrl}chat.postMessage</c>): Slack's, or a local
    /// fake. It is an origin the operator configured, so file downloads from its host may go to a private address.
    /// <value>Default <c>https://slack.com/api/</c>.</value>
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Hosts end users' files are downloaded from (<c>url_private_download</c>), with the bot token; <c>*.example.com</c>
    /// matches every subdomain. The host of <see cref="ApiBaseUrl"/> is always allowed. <value>Default <c>files.slack.com</c>.</value>
    /// </summary>
    public List<string> FileHosts { get; set; } = ["files.slack.com"];

    /// <summary>This channel's externally reachable base URL. Falls back to <c>Connector:Channels:PublicBaseUrl</c>. <value>Default: none.</value></summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>What one Salesforce conversation is: <c>PerChannel</c> or <c>PerThread</c>. <value>Default <c>PerChannel</c>.</value></summary>
    public SlackConversationMode Conversations { get; set; } = SlackConversationMode.PerChannel;

    /// <summary>
    /// How far a request's <c>X-Slack-Request-Timestamp</c> may be from the connector's clock; an older (or later) request
    /// is refused as a possible replay. Slack's guidance is five minutes. <value>Default 5 minutes.</value>
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted event or interactivity body in bytes. <value>Default 1,048,576 (1 MiB).</value></summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Messages per second to one Slack channel (chat.postMessage allows about one per second per channel). <value>Default 1.</value></summary>
    public double PerChannelMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per second across the workspace, from this app. <value>Default 20.</value></summary>
    public double WorkspaceMessagesPerSecond { get; set; } = 20;

    /// <summary>
    /// The longest a send waits in the rate limiter; a longer wait ends the attempt as retryable with that wait, so the
    /// outbox keeps the message and tries again then. <value>Default 5 seconds.</value>
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-call timeout of Web API requests and file uploads. <value>Default 60 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most options shown as Block Kit buttons (one actions block takes at most 25); a choices message with more, or
    /// with a title longer than a button takes (75 characters), is sent as numbered text answered by typing the number or
    /// the title. <value>Default 25.</value>
    /// </summary>
    public int MaxButtons { get; set; } = SlackBlocks.MaxButtons;

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
