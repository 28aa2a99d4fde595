namespace Byoc.Connector.Channels.Meta;

/// <summary>One file of an end user's message (<c>message.attachments[]</c>: <c>{type, payload {url}}</c>).</summary>
/// <param name="Type"><c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>.</param>
/// <param name="Url">Where Meta's CDN serves it (no credentials needed).</param>
internal sealed record MessengerAttachment(string Type, Uri Url);
