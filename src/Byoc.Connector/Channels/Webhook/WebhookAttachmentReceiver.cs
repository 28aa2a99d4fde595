using Byoc.Connector.Attachments;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// Stores the file of an inbound <c>attachment</c> event — inline base64 <c>data</c>, or downloaded from <c>url</c> through
/// <see cref="SafeDownloader"/> (the host must be on <c>Connector:Attachments:AllowedHosts</c>) — after the documented
/// type and size checks. A refusal carries the HTTP status and the reason for the platform to show its user.
/// </summary>
internal sealed class WebhookAttachmentReceiver(InboundFileCheck check, AttachmentFiles files, SafeDownloader downloader)
{
    public async Task<(InboundAttachment? Attachment, int Status, string? Error)> ReceiveAsync(WebhookFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = AttachmentFiles.SafeName(file.Name ?? (Uri.TryCreate(file.Url, UriKind.Absolute, out var u) ? u.Segments[^1] : null));
        var mimeType = InboundFileCheck.MimeTypeOf(file.MimeType, name);
        if (check.RefuseType(mimeType) is { } badType)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, badType);
        }

        StoredFile? stored;
        if (file.Data is { } data)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(data);
            }
            catch (FormatException)
            {
                return (null, StatusCodes.Status400BadRequest, "The attachment's 'data' is not base64.");
            }

            if (check.RefuseSize(bytes.Length) is { } badSize)
            {
                return (null, bytes.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge, badSize);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            stored = await files.SaveAsync(name, mimeType!, stream, check.MaxBytes, cancellationToken);
        }
        else
        {
            if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url))
            {
                return (null, StatusCodes.Status400BadRequest, "The attachment's 'url' is not an absolute URL.");
            }

            var downloaded = await downloader.DownloadAsync(url, name, mimeType, cancellationToken);
            if (downloaded.File is null)
            {
                return (null, downloaded.IsRefusal ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status502BadGateway,
                    $"The attachment could not be fetched: {downloaded.Error}.");
            }

            stored = downloaded.File;
            if (check.RefuseSize(stored.Length) is { } badSize)
            {
                return (null, stored.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge, badSize);
            }
        }

        return stored is null
            ? (null, StatusCodes.Status413PayloadTooLarge, check.TooLarge)
            : (new InboundAttachment(stored.Id, stored.Name, stored.MimeType, stored.Length), StatusCodes.Status202Accepted, null);
    }
}
