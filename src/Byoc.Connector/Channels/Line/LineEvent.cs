namespace Byoc.Connector.Channels.Line;

/// <summary>One event of a LINE webhook (<c>events[]</c>) from an end user in a one-to-one chat, as far as the channel reads it.</summary>
/// <param name="Id">The <c>webhookEventId</c>, the de-duplication key (a redelivery carries the same one).</param>
/// <param name="Type">LINE's <c>type</c>: <c>message</c>, <c>postback</c>, <c>follow</c>, <c>unfollow</c>, …</param>
/// <param name="User">The end user's <c>source.userId</c>.</param>
/// <param name="At">LINE's <c>timestamp</c> (Unix milliseconds).</param>
/// <param name="Redelivery">Whether <c>deliveryContext.isRedelivery</c> is true.</param>
/// <param name="ReplyToken">The event's reply token, when it has one.</param>
/// <param name="Message">For a <c>message</c> event: the message.</param>
/// <param name="PostbackData">For a <c>postback</c> event: its <c>postback.data</c>.</param>
internal sealed record LineEvent(string Id, string Type, string User, DateTimeOffset At, bool Redelivery, string? ReplyToken,
    LineMessage? Message = null, string? PostbackData = null);

/// <summary>The <c>message</c> of a message event.</summary>
/// <param name="Id">LINE's message id, with which its content is fetched.</param>
/// <param name="Type"><c>text</c>, <c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>, <c>sticker</c>, <c>location</c>.</param>
/// <param name="Text">A text message's text; for a sticker, a description of it.</param>
/// <param name="FileName">A file message's name.</param>
/// <param name="FileSize">A file message's size in bytes.</param>
/// <param name="ExternalUrl">For content LINE does not host (<c>contentProvider.type</c> <c>external</c>): its URL.</param>
/// <param name="MarkAsReadToken">The token that marks this message (and those before it) read.</param>
internal sealed record LineMessage(string Id, string Type, string? Text, string? FileName = null, long? FileSize = null, Uri? ExternalUrl = null,
    string? MarkAsReadToken = null);
