using Byoc.Core.Messages;

namespace Byoc.Connector.Attachments;

/// <summary>
/// Downloads the files of an outbound message for a channel. Every file is tried; a refused file is named in
/// <see cref="OutboundFiles.Refused"/> so the channel can tell the end user, a transient failure makes the whole
/// message retryable.
/// </summary>
internal sealed class OutboundFileFetcher(SafeDownloader downloader)
{
    public async Task<OutboundFiles> FetchAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = new List<StoredFile>();
        var refused = new List<(OutboundAttachment, string)>();
        foreach (var attachment in message.Attachments)
        {
            if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url))
            {
                refused.Add((attachment, "the URL is not absolute"));
                continue;
            }

            var result = await downloader.DownloadAsync(url, attachment.Name, attachment.MimeType, cancellationToken);
            if (result.File is { } file)
            {
                stored.Add(file);
            }
            else if (result.IsRefusal)
            {
                refused.Add((attachment, result.Error!));
            }
            else
            {
                return new OutboundFiles(stored, refused, $"{attachment.Name}: {result.Error}");
            }
        }

        return new OutboundFiles(stored, refused, null);
    }
}
