namespace Byoc.Connector.Channels.Telegram;

/// <summary>A file an end user sent, as the update names it: what <c>getFile</c> needs, and the name, type and size to check first.</summary>
/// <param name="FileId">The <c>file_id</c> to pass to <c>getFile</c>.</param>
/// <param name="Name">The file name to store (Telegram's, or one made from the kind of file).</param>
/// <param name="MimeType">The declared or implied MIME type, or null when neither is known.</param>
/// <param name="Size">The size Telegram declared, if it did.</param>
internal sealed record TelegramFileReference(string FileId, string Name, string? MimeType, long? Size);
