using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>sendPhoto and sendDocument (upload, URL or file_id) and getFile, with the Bot API's size rules.</summary>
internal sealed partial class TelegramBotApi
{
    // Sending files: uploads up to 10 MB for photos and 50 MB for other files; by URL 5 MB for photos and 20 MB for
    // other files, and sendDocument by URL "will currently only work for GIF, PDF and ZIP files". getFile: 20 MB.
    private const long MaxPhotoUpload = 10L * 1024 * 1024;
    private const long MaxDocumentUpload = 50L * 1024 * 1024;
    private const long MaxPhotoByUrl = 5L * 1024 * 1024;
    private const long MaxDocumentByUrl = 20L * 1024 * 1024;
    private const long MaxDownload = 20L * 1024 * 1024;
    private static readonly string[] s_documentUrlTypes = ["image/gif", "application/pdf", "application/zip"];

    private async Task<TelegramAnswer> SendFileAsync(TelegramParameters parameters, bool isPhoto, CancellationToken cancellationToken)
    {
        var field = isPhoto ? "photo" : "document";
        if (ReadTextOptions(parameters, "caption", MaxCaptionLength, required: false) is { } captionProblem)
        {
            return captionProblem;
        }

        if (!TryReadReplyMarkup(parameters, out var markup, out var buttons, out var markupProblem))
        {
            return markupProblem!;
        }

        lock (state.Sync)
        {
            if (FindWritableChat(parameters, out _) is { } chatProblem)
            {
                return chatProblem;
            }
        }

        var (content, problem) = await ReadFileAsync(parameters, field, isPhoto, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var size = isPhoto ? ImageSize.Read(content!.Bytes) : null;
        if (isPhoto && size is null)
        {
            return TelegramAnswer.BadRequest("IMAGE_PROCESS_FAILED");
        }

        lock (state.Sync)
        {
            if (FindWritableChat(parameters, out var chat) is { } blocked)
            {
                return blocked;
            }

            if (TakeSendPermit(chat.Id) is { } throttled)
            {
                return throttled;
            }

            var stored = content!.Existing ?? state.StoreFile(content.Bytes, content.FileName, content.MimeType,
                isPhoto ? "photos" : "documents", Extension(content.FileName, isPhoto));
            var now = options.TimeProvider.GetUtcNow();
            var messageId = TelegramState.NextMessageId(chat);
            var result = TelegramJson.Message(messageId, TelegramJson.Bot(options), chat, now);
            result[field] = isPhoto ? TelegramJson.PhotoSizes(stored, size!.Value.Width, size.Value.Height) : TelegramJson.Document(stored);
            var caption = parameters.GetString("caption");
            if (!string.IsNullOrEmpty(caption))
            {
                result["caption"] = caption;
            }

            if (markup is not null)
            {
                result["reply_markup"] = markup.DeepClone();
            }

            var file = new TelegramSentFile(stored.FileId, stored.FileName, stored.MimeType, stored.Content, content.Source);
            Record(new TelegramSentMessage(chat.Id, messageId, isPhoto ? "sendPhoto" : "sendDocument", caption,
                parameters.GetString("parse_mode"), buttons, file, now));
            return TelegramAnswer.Ok(result);
        }
    }

    private TelegramAnswer GetFile(TelegramParameters parameters)
    {
        TelegramStoredFile? file;
        lock (state.Sync)
        {
            file = parameters.GetString("file_id") is { Length: > 0 } fileId ? state.FindFile(fileId) : null;
        }

        if (file is null)
        {
            return TelegramAnswer.BadRequest("invalid file_id");
        }

        return file.Content.Length > MaxDownload ? TelegramAnswer.BadRequest("file is too big") : TelegramAnswer.Ok(TelegramJson.File(file));
    }

    private async Task<(FileContent? Content, TelegramAnswer? Problem)> ReadFileAsync(
        TelegramParameters parameters,
        string field,
        bool isPhoto,
        CancellationToken cancellationToken)
    {
        if (parameters.GetFile(field) is { } upload)
        {
            if (upload.Length > (isPhoto ? MaxPhotoUpload : MaxDocumentUpload))
            {
                return (null, TelegramAnswer.Error(413, "Request Entity Too Large"));
            }

            return (new FileContent(await ReadAllAsync(upload, cancellationToken), upload.FileName, upload.ContentType, "upload", null), null);
        }

        var value = parameters.GetString(field);
        if (string.IsNullOrEmpty(value))
        {
            return (null, TelegramAnswer.BadRequest($"there is no {field} in the request"));
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return await FetchAsync(url, isPhoto, cancellationToken);
        }

        lock (state.Sync)
        {
            return state.FindFile(value) is { } existing
                ? (new FileContent(existing.Content, existing.FileName, existing.MimeType, "file_id", existing), null)
                : (null, TelegramAnswer.BadRequest("wrong file identifier/HTTP URL specified"));
        }
    }

    /// <summary>Telegram downloads a file given by URL itself; so does the fake, and a failure is the send's failure.</summary>
    private async Task<(FileContent? Content, TelegramAnswer? Problem)> FetchAsync(Uri url, bool isPhoto, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await fetcher.GetAsync(url, cancellationToken);
            var mimeType = response.Content.Headers.ContentType?.MediaType;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || bytes.Length > (isPhoto ? MaxPhotoByUrl : MaxDocumentByUrl))
            {
                return (null, TelegramAnswer.BadRequest("failed to get HTTP URL content"));
            }

            if (isPhoto ? mimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true : !s_documentUrlTypes.Contains(mimeType))
            {
                return (null, TelegramAnswer.BadRequest("wrong type of the web page content"));
            }

            return (new FileContent(bytes, Path.GetFileName(url.AbsolutePath), mimeType, "url", null), null);
        }
        catch (HttpRequestException)
        {
            return (null, TelegramAnswer.BadRequest("failed to get HTTP URL content"));
        }
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string Extension(string? fileName, bool isPhoto) =>
        Path.GetExtension(fileName) is { Length: > 1 } extension ? extension : isPhoto ? ".jpg" : "";

    private sealed record FileContent(byte[] Bytes, string? FileName, string? MimeType, string Source, TelegramStoredFile? Existing);
}
