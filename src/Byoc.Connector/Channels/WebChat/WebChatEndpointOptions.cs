namespace Byoc.Connector.Channels.WebChat;

/// <summary>One web chat channel. Section <c>Connector:WebChat:Channels:{name}</c>.</summary>
internal sealed class WebChatEndpointOptions
{
    /// <summary>The Salesforce channel address this channel talks to. <value>Required.</value></summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key that signs visitor session tokens, at least 32 characters; changing it ends every open
    /// session. <value>Required.</value>
    /// </summary>
    public string? SessionSecret { get; set; }

    /// <summary>How long a session token is accepted after it was issued; the page renews it at half-life. <value>Default 24 hours.</value></summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Largest accepted request body in bytes. <value>Default 16,384 (16 KiB).</value></summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How often an idle event stream gets a keep-alive comment (and re-reads the log). <value>Default 15 seconds.</value></summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The heading of the chat page. <value>Default <c>Chat with us</c>.</value></summary>
    public string Title { get; set; } = "Chat with us";

    /// <summary>
    /// The Content-Security-Policy <c>frame-ancestors</c> sources allowed to embed the page (the widget's iframe), for
    /// example <c>https://www.example.com</c>. <value>Default <c>*</c> (any site).</value>
    /// </summary>
    public string FrameAncestors { get; set; } = "*";

    /// <summary>The notice when an agent or rep joins; <c>{name}</c> is the display name. <value>Default <c>You are now talking to {name}.</c></value></summary>
    public string ParticipantJoinedText { get; set; } = ParticipantNotices.DefaultJoined;

    /// <summary>The notice when an agent or rep leaves; <c>{name}</c> is the display name. <value>Default <c>{name} left the conversation.</c></value></summary>
    public string ParticipantLeftText { get; set; } = ParticipantNotices.DefaultLeft;
}
