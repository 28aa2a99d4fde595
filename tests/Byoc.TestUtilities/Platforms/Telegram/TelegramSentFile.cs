namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A file the bot sent (photo or document) as the fake stored it.</summary>
/// <param name="FileId">The <c>file_id</c> the fake assigned; <c>getFile</c> accepts it.</param>
/// <param name="FileName">The file name given on upload or taken from the URL, if any.</param>
/// <param name="MimeType">The content type given on upload or answered by the URL, if any.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Source">How it was given: <c>upload</c> (multipart), <c>url</c> (fetched by the fake) or <c>file_id</c>.</param>
public sealed record TelegramSentFile(string FileId, string? FileName, string? MimeType, byte[] Content, string Source);
