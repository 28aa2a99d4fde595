namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A file the fake keeps for <c>getFile</c> and the <c>/file/bot&lt;token&gt;/&lt;file_path&gt;</c> download.</summary>
internal sealed record TelegramStoredFile(
    string FileId,
    string FileUniqueId,
    string FilePath,
    byte[] Content,
    string? FileName,
    string? MimeType);
