using Byoc.Connector.Pipeline;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// <c>POST /webhooks/{channel}</c>: the route existing platforms were given, an alias of the front door
/// (<c>/channels/{channel}</c>) for generic webhook channels only; <see cref="InboundDoor"/> does the rest. File links are
/// served by <see cref="WebhookFileEndpoints"/>.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks");
        group.MapPost("/{channel}", ReceiveAsync).DisableAntiforgery();
        group.MapWebhookFiles();
        return endpoints;
    }

    internal static Task<IResult> ReceiveAsync(string channel, HttpContext context, ChannelRegistry channels, InboundDoor door,
        CancellationToken cancellationToken) =>
        channels.Find(channel) is WebhookChannel webhook
            ? door.ReceiveAsync(context, webhook, null, cancellationToken)
            : Task.FromResult<IResult>(UnknownChannel(channel));

    internal static IResult UnknownChannel(string channel) =>
        InboundDoor.Problem(StatusCodes.Status404NotFound, "Unknown channel", $"No webhook channel named '{channel}' is configured.");
}
