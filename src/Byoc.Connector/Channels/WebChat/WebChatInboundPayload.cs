namespace Byoc.Connector.Channels.WebChat;

/// <summary>The JSON the chat page POSTs to <c>/chat/{channel}/messages</c>; see docs/webchat-channel.md.</summary>
internal sealed record WebChatInboundPayload
{
    /// <summary><c>message</c>, <c>typing.started</c>, <c>typing.stopped</c>, <c>choice</c> or <c>status</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The page's own id of this event; a re-sent POST repeats it and is stored once.</summary>
    public string? Id { get; init; }

    /// <summary>For <c>message</c>: the text; for <c>choice</c>: the chosen option's title.</summary>
    public string? Text { get; init; }

    /// <summary>For <c>choice</c>: the chosen option id.</summary>
    public string? OptionId { get; init; }

    /// <summary>For <c>status</c>: the entry the receipt is about; for <c>choice</c>: the choices entry answered.</summary>
    public string? EntryId { get; init; }

    /// <summary>For <c>status</c>: <c>delivered</c> or <c>read</c>.</summary>
    public string? Status { get; init; }
}
