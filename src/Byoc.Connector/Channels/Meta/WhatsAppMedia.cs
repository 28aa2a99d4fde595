namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The media object of an end user's image, document, audio, video or sticker message (<c>{id, mime_type, sha256,
/// caption, filename}</c>): the media id to look up with <c>GET /{media-id}</c>, and what the webhook declares of the file.
/// </summary>
/// <param name="Id">The media id; valid for 7 days after the webhook.</param>
/// <param name="MimeType">The declared MIME type, perhaps with parameters (<c>audio/ogg; codecs=opus</c>).</param>
/// <param name="FileName">A document's file name, when the end user's app gave one.</param>
internal sealed record WhatsAppMedia(string Id, string? MimeType, string? FileName);
