namespace Byoc.Connector.Channels.Slack;

/// <summary>What a verified request from Slack is to the channel.</summary>
internal enum SlackInboundKind
{
    /// <summary>The <c>url_verification</c> handshake of the Event Subscriptions page: answered with its challenge.</summary>
    Challenge,

    /// <summary>An end user's message (text, files, or both).</summary>
    Message,

    /// <summary>A click on one of the connector's choice buttons (<c>block_actions</c>).</summary>
    Tap,

    /// <summary>Slack's <c>app_rate_limited</c> notice: events of the last minute were not sent.</summary>
    RateLimited,

    /// <summary>Something the channel does not forward (our own posts, edits, joins, other event types): answered 200.</summary>
    Ignored,
}
