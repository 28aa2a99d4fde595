namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// One event on a visitor's stream (the <c>data</c> of a server-sent event); see docs/webchat-channel.md. Log entries
/// (<c>message</c>, <c>choices</c>, <c>participant</c>, <c>notice</c>, <c>receipt</c>) carry the log sequence as the SSE id; live-only
/// events (<c>typing.started</c>, <c>typing.stopped</c>, <c>progress</c>) carry none.
/// </summary>
internal sealed record WebChatEvent
{
    /// <summary>What happened.</summary>
    public required string Type { get; init; }

    /// <summary>The entry's key: Salesforce's conversation-entry identifier, or <c>in:{page id}</c> for the visitor's own messages.</summary>
    public string? Id { get; init; }

    /// <summary><c>agent</c> (agent or rep), <c>customer</c> (the visitor) or <c>system</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The agent's or rep's display name.</summary>
    public string? Sender { get; init; }

    /// <summary>The text to show.</summary>
    public string? Text { get; init; }

    /// <summary>For <c>choices</c>: the options.</summary>
    public IReadOnlyList<WebChatChoice>? Choices { get; init; }

    /// <summary>Files to show: images inline, other files as links (<c>files/{id}</c> under the channel).</summary>
    public IReadOnlyList<WebChatFile>? Attachments { get; init; }

    /// <summary>Links to show under the text (links, rich links, citations).</summary>
    public IReadOnlyList<WebChatLink>? Links { get; init; }

    /// <summary>For a visitor's choice: the choices entry it answers.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>For <c>participant</c>: <c>joined</c> or <c>left</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>For <c>receipt</c>: the visitor's entry (<c>in:{page id}</c>) that was delivered or read.</summary>
    public string? EntryId { get; init; }

    /// <summary>For <c>receipt</c>: <c>delivered</c> or <c>read</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
