namespace Byoc.Connector.Channels.Telegram;

/// <summary>A file of a message (<c>PhotoSize</c>, <c>Document</c>, <c>Video</c>, <c>Audio</c>, <c>Voice</c>, …): what <c>getFile</c> needs and what is known before the download.</summary>
internal sealed record TelegramFilePayload
{
    public string? FileId { get; init; }

    public string? FileName { get; init; }

    public string? MimeType { get; init; }

    public long? FileSize { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }
}
