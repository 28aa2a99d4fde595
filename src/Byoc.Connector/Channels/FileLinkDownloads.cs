using System.Globalization;
using Byoc.Connector.Attachments;
using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels;

/// <summary>
/// Serves a stored file to whoever holds a signed link from <see cref="FileLinks"/>: unreadable query (400), wrong
/// signature (403), expired (410), file not (or no longer) kept (404); each as a problem naming the reason. Images are
/// shown inline, anything else as a download, always sandboxed and never sniffed.
/// </summary>
internal static class FileLinkDownloads
{
    public static async Task<IResult> ServeAsync(FileLinks links, string id, string? expires, string? signature, AttachmentFiles files,
        TimeProvider timeProvider, HttpResponse response, CancellationToken cancellationToken)
    {
        switch (links.Verify(id, expires, signature, timeProvider.GetUtcNow(), out var expiresAt))
        {
            case FileLinkCheck.Malformed:
                return InboundDoor.Problem(StatusCodes.Status400BadRequest, "Malformed link",
                    "The link needs 'expires' (Unix seconds) and 'signature' (base64url HMAC-SHA256) query parameters.");
            case FileLinkCheck.BadSignature:
                return InboundDoor.Problem(StatusCodes.Status403Forbidden, "Invalid signature",
                    "The link's signature does not match its channel, file and expiry.");
            case FileLinkCheck.Expired:
                return InboundDoor.Problem(StatusCodes.Status410Gone, "Link expired",
                    $"The link expired at {expiresAt.ToString("O", CultureInfo.InvariantCulture)}.");
        }

        var file = await files.FindAsync(id, cancellationToken);
        Stream? content = null;
        try
        {
            content = file is null ? null : files.OpenRead(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Swept between the lookup and the open.
        }

        if (content is null)
        {
            return InboundDoor.Problem(StatusCodes.Status404NotFound, "File not found",
                $"The file '{id}' is not kept (any more): files are deleted after Connector:Attachments:Retention.");
        }

        var inline = file!.MimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            && !file.MimeType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name);
        response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "private";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        return TypedResults.Stream(content, file.MimeType);
    }
}
