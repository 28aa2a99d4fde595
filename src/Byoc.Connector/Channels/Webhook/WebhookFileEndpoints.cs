using System.Globalization;
using Byoc.Connector.Attachments;
using Byoc.Connector.Pipeline;
using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// <c>GET</c> (and <c>HEAD</c>) <c>/webhooks/{channel}/files/{id}?expires=…&amp;signature=…</c>: serves a stored file to
/// whoever holds a link from a <c>Link</c>-mode channel. Unknown channel or not in Link mode (404), unreadable query (400),
/// wrong signature (403), expired (410), file not (or no longer) kept (404); each as a problem naming the reason.
/// </summary>
internal static class WebhookFileEndpoints
{
    public static RouteGroupBuilder MapWebhookFiles(this RouteGroupBuilder group)
    {
        group.MapMethods("/{channel}/files/{id}", [HttpMethods.Get, HttpMethods.Head], DownloadAsync);
        return group;
    }

    internal static async Task<IResult> DownloadAsync(string channel, string id, string? expires, string? signature,
        ChannelRegistry channels, AttachmentFiles files, TimeProvider timeProvider, HttpResponse response, CancellationToken cancellationToken)
    {
        if (channels.Find(channel) is not WebhookChannel webhook)
        {
            return WebhookEndpoints.UnknownChannel(channel);
        }

        if (webhook.FileLinks is not { } links)
        {
            return InboundDoor.Problem(StatusCodes.Status404NotFound, "Files not served",
                $"The webhook channel '{channel}' sends files inline (OutboundFiles is not Link), so it serves no file links.");
        }

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
