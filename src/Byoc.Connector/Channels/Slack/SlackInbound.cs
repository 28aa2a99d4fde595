namespace Byoc.Connector.Channels.Slack;

/// <summary>One verified request from Slack, understood.</summary>
internal sealed record SlackInbound
{
    /// <summary>What the request is.</summary>
    public required SlackInboundKind Kind { get; init; }

    /// <summary>The inbox key: the event's <c>event_id</c> (a retry carries the same), or <c>action:{user}:{action_ts}</c> for a tap.</summary>
    public string PlatformMessageId { get; init; } = "";

    /// <summary>The end user (see <see cref="SlackEndUsers"/>).</summary>
    public string PlatformUserId { get; init; } = "";

    /// <summary>For <see cref="SlackInboundKind.Challenge"/>: the challenge; for <see cref="SlackInboundKind.Ignored"/>: why.</summary>
    public string? Detail { get; init; }

    /// <summary>When the message was sent (its <c>ts</c>), or the tap made.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The message text, or a tapped button's label.</summary>
    public string? Text { get; init; }

    /// <summary>The message's files.</summary>
    public IReadOnlyList<SlackFile> Files { get; init; } = [];

    /// <summary>For a tap: the choices entry (the actions block's <c>block_id</c>).</summary>
    public string? EntryIdentifier { get; init; }

    /// <summary>For a tap: the option identifier (the button's <c>value</c>).</summary>
    public string? OptionIdentifier { get; init; }
}
