using Byoc.Connector.Attachments;
using Byoc.Connector.Pipeline;

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

        return await FileLinkDownloads.ServeAsync(links, id, expires, signature, files, timeProvider, response, cancellationToken);
    }
}
