namespace Byoc.Connector.Channels.Meta;

/// <summary>One item of a Messenger webhook's <c>entry[].messaging[]</c>, as far as the channel reads it.</summary>
/// <param name="Kind">What the item is.</param>
/// <param name="Id">The de-duplication key: a message's or postback's <c>mid</c>; for a watermark, its kind, user and time.</param>
/// <param name="User">The end user's page-scoped id (PSID), <c>sender.id</c>.</param>
/// <param name="At">Meta's <c>timestamp</c>.</param>
/// <param name="Text">A message's text, or a postback's button title.</param>
/// <param name="ChoiceId">A quick reply's or postback's <c>payload</c>.</param>
/// <param name="Attachments">A message's files (by URL on Meta's CDN).</param>
/// <param name="Mids">A delivery's <c>mids</c>, when Meta sends them.</param>
/// <param name="Watermark">A delivery's or read's <c>watermark</c>: every message sent at or before it is delivered or read.</param>
internal sealed record MessengerEvent(
    MessengerEventKind Kind,
    string Id,
    string User,
    DateTimeOffset At,
    string? Text = null,
    string? ChoiceId = null,
    IReadOnlyList<MessengerAttachment>? Attachments = null,
    IReadOnlyList<string>? Mids = null,
    DateTimeOffset? Watermark = null);
