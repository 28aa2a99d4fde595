using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels;

/// <summary>
/// The file steps of <see cref="IInboundContext"/>: an end user's file, inline or downloaded through
/// <see cref="SafeDownloader"/> under the channel's <see cref="DownloadPolicy"/>, stored after the documented type and size
/// checks (<see cref="InboundFileCheck"/>). A refusal names the reason for the platform to show its user: 415 for the
/// type, 413 for the size, 400 for an empty file or a bad URL, 422 when the policy refuses the URL, 502 when the
/// platform could not be reached (its retry may succeed).
/// </summary>
internal sealed class InboundFiles(InboundFileCheck check, AttachmentFiles files, SafeDownloader downloader)
{
    public async Task<InboundFileResult> SaveAsync(string? name, string? mimeType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var safeName = AttachmentFiles.SafeName(name);
        var type = InboundFileCheck.MimeTypeOf(mimeType, safeName);
        if (check.RefuseType(type) is { } badType)
        {
            return InboundFileResult.Refused(InboundRefusalKind.UnsupportedMediaType, badType);
        }

        if (check.RefuseSize(content.Length) is { } badSize)
        {
            return InboundFileResult.Refused(content.Length == 0 ? InboundRefusalKind.Malformed : InboundRefusalKind.PayloadTooLarge, badSize);
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var stored = await files.SaveAsync(safeName, type!, stream, check.MaxBytes, cancellationToken);
        return Result(stored);
    }

    public async Task<InboundFileResult> DownloadAsync(Uri url, string? name, string? mimeType, DownloadPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return InboundFileResult.Refused(InboundRefusalKind.Malformed, "The attachment's 'url' is not an absolute URL.");
        }

        var safeName = AttachmentFiles.SafeName(name ?? url.Segments[^1]);
        var type = InboundFileCheck.MimeTypeOf(mimeType, safeName);
        if (check.RefuseType(type) is { } badType)
        {
            return InboundFileResult.Refused(InboundRefusalKind.UnsupportedMediaType, badType);
        }

        var downloaded = await downloader.DownloadAsync(url, safeName, type, policy, cancellationToken);
        if (downloaded.File is not { } stored)
        {
            return InboundFileResult.Refused(downloaded.IsRefusal ? InboundRefusalKind.Unprocessable : InboundRefusalKind.UpstreamFailure,
                $"The attachment could not be fetched: {downloaded.Error}.");
        }

        return check.RefuseSize(stored.Length) is { } badSize
            ? InboundFileResult.Refused(stored.Length == 0 ? InboundRefusalKind.Malformed : InboundRefusalKind.PayloadTooLarge, badSize)
            : Result(stored);
    }

    private InboundFileResult Result(StoredFile? stored) => stored is null
        ? InboundFileResult.Refused(InboundRefusalKind.PayloadTooLarge, check.TooLarge)
        : InboundFileResult.Stored(new InboundAttachment(stored.Id, stored.Name, stored.MimeType, stored.Length));
}
