namespace Byoc.Connector.Channels.Telegram;

/// <summary>One Telegram bot. Section <c>Connector:Telegram:Channels:{name}</c>.</summary>
public sealed class TelegramEndpointOptions
{
    /// <summary>Telegram's own Bot API server.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.telegram.org");

    /// <summary>The Salesforce channel address this bot talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The bot token from @BotFather (<c>123456789:AA…</c>). A secret: it is part of every Bot API URL, so the connector
    /// never logs it and redacts it from every URL it logs or traces. <value>Required.</value>
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The webhook's secret token, 1 to 256 of <c>A-Z a-z 0-9 _ -</c>: set with <c>setWebhook</c>, Telegram sends it back
    /// in <c>X-Telegram-Bot-Api-Secret-Token</c> on every update, and an update without it is refused. <value>Required.</value>
    /// </summary>
    public string? SecretToken { get; set; }

    /// <summary>
    /// The Bot API server: Telegram's, a self-hosted <c>telegram-bot-api</c> server, or a local fake. Scheme, host and port
    /// only (the client library ignores a path). It is an origin the operator configured, so file downloads from it may go
    /// to a private address. <value>Default <c>https://api.telegram.org</c>.</value>
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// This channel's externally reachable base URL: the webhook is <c>{PublicBaseUrl}/channels/{name}</c>. Falls back to
    /// <c>Connector:Channels:PublicBaseUrl</c>. <value>Default: none.</value>
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether the connector calls <c>setWebhook</c> (idempotent) at start-up with its public URL and the secret token;
    /// needs a public base URL. Otherwise run <c>byoc channels telegram set-webhook</c> once. <value>Default false.</value>
    /// </summary>
    public bool RegisterWebhook { get; set; }

    /// <summary>
    /// Whether group and supergroup chats are served. A group is then one end user (its chat id), and every member reads
    /// the agent's replies. <value>Default false: only private chats with the bot; other chats are ignored.</value>
    /// </summary>
    public bool AllowGroups { get; set; }

    /// <summary>Largest accepted update body in bytes. <value>Default 1,048,576 (1 MiB).</value></summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Messages per second to one chat. Telegram asks bots to stay at about one per second in a chat (a guideline, not a
    /// published limit); a send waits for its turn, or is retried later when the wait would be long. <value>Default 1.</value>
    /// </summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per second across all chats of the bot (Telegram's guideline: about 30). <value>Default 30.</value></summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>
    /// The longest a send waits in the rate limiter; a longer wait ends the attempt as retryable with that wait, so the
    /// outbox keeps the message and tries again then. <value>Default 5 seconds.</value>
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-call timeout of Bot API requests (file uploads included). <value>Default 60 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most options shown as inline keyboard buttons (one per row); a choices message with more is sent as numbered
    /// text, answered by typing the number or the title. <value>Default 10.</value>
    /// </summary>
    public int MaxButtons { get; set; } = 10;

    /// <summary>
    /// How often "typing…" is sent again while the agent types: Telegram shows it for 5 seconds or until the bot's next
    /// message. <value>Default 4 seconds.</value>
    /// </summary>
    public TimeSpan TypingRefreshInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long "typing…" is kept up without a TypingStopped or a message. <value>Default 60 seconds.</value></summary>
    public TimeSpan TypingMaxDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How an Agentforce progress indicator is shown. <value>Default <c>Typing</c>.</value></summary>
    public TelegramProgressMode ProgressIndicators { get; set; } = TelegramProgressMode.Typing;

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
