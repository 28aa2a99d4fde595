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
        // The LINE channel gives LINE the same kind of links for the agent's images and files.
        var (platform, fileLinks) = channels.Find(channel) switch
        {
            TwilioChannel twilio => ("Twilio", twilio.FileLinks),
            Line.LineChannel line => ("LINE", line.FileLinks),
            _ => (null, null),
        };
        if (platform is null)
        {
            return await ChannelEndpoints.ReceiveAsync(channel, $"files/{id}", context, channels, door, cancellationToken);
        }

        if (fileLinks is not { } links)
        {
            return InboundDoor.Problem(StatusCodes.Status404NotFound, "Files not served",
                $"The {platform} channel '{channel}' has no public base URL, so it gives {platform} no file links.");
        }

        return await FileLinkDownloads.ServeAsync(links, id, expires, signature, files, timeProvider, context.Response, cancellationToken);
    }
}
