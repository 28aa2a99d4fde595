using Byoc.Connector.Attachments;
using Byoc.Connector.Pipeline;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// <c>GET</c> (and <c>HEAD</c>) <c>/channels/{channel}/files/{id}?expires=…&amp;signature=…</c>: the files a Twilio channel
/// gives Twilio as <c>MediaUrl</c>, for Twilio to fetch (<see cref="FileLinkDownloads"/>). For any other channel the
/// request goes through the front door as before.
/// </summary>
internal static class TwilioFileEndpoints
{
    public static IEndpointRouteBuilder MapTwilioFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/channels/{channel}/files/{id}", [HttpMethods.Get, HttpMethods.Head], DownloadAsync);
        return endpoints;
    }

    internal static async Task<IResult> DownloadAsync(string channel, string id, string? expires, string? signature, HttpContext context,
        ChannelRegistry channels, InboundDoor door, AttachmentFiles files, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (channels.Find(channel) is not TwilioChannel twilio)
        {
            return await ChannelEndpoints.ReceiveAsync(channel, $"files/{id}", context, channels, door, cancellationToken);
        }

        if (twilio.FileLinks is not { } links)
        {
            return InboundDoor.Problem(StatusCodes.Status404NotFound, "Files not served",
                $"The Twilio channel '{channel}' has no public base URL, so it gives Twilio no file links.");
        }

        return await FileLinkDownloads.ServeAsync(links, id, expires, signature, files, timeProvider, context.Response, cancellationToken);
    }
}
