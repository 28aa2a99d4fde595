using Byoc.Connector.Pipeline;

namespace Byoc.Connector.Channels;

/// <summary>
/// The front door: <c>GET</c> and <c>POST</c> on <c>/channels/{channel}</c> and any path below it (a platform's status
/// callback or interactivity URL), for every configured channel of every platform. An unknown channel is 404; the rest
/// is <see cref="InboundDoor"/>. The older <c>/webhooks/{channel}</c> and <c>/chat/{channel}/messages</c> routes are
/// aliases their channels map to the same door.
/// </summary>
internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/channels");
        string[] methods = [HttpMethods.Get, HttpMethods.Post];
        group.MapMethods("/{channel}", methods, ReceiveAsync).DisableAntiforgery();
        group.MapMethods("/{channel}/{**path}", methods, ReceiveAsync).DisableAntiforgery();
        return endpoints;
    }

    internal static Task<IResult> ReceiveAsync(string channel, string? path, HttpContext context, ChannelRegistry channels, InboundDoor door,
        CancellationToken cancellationToken) =>
        channels.Find(channel) is { } found
            ? door.ReceiveAsync(context, found, path, cancellationToken)
            : Task.FromResult<IResult>(InboundDoor.Problem(StatusCodes.Status404NotFound, "Unknown channel", $"No channel named '{channel}' is configured."));
}
