using Byoc.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// <c>/admin/whatsapp/{channel}/window/{user}</c>: an end user's 24-hour customer-service window (issue 15), read from
/// the store the channel keeps it in, so it is the same on every instance.
/// </summary>
internal static class WhatsAppWindowEndpoints
{
    public static RouteGroupBuilder MapWhatsAppWindowEndpoints(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/whatsapp");
        group.MapGet("/{channel}/window/{user}", ShowAsync);
        return group;
    }

    internal static async Task<Results<Ok<WhatsAppWindowState>, ProblemHttpResult>> ShowAsync(string channel, string user,
        IOptions<WhatsAppChannelOptions> options, IEndUserStateStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!options.Value.Channels.TryGetValue(channel, out var settings))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"'{channel}' is not a configured WhatsApp channel ({WhatsAppChannelOptions.Section}:Channels).");
        }

        var outside = settings.WindowTemplateName is { } template ? "template " + template : "failure";
        var last = await new WhatsAppEndUsers(channel, store, timeProvider).LastAsync(user, cancellationToken);
        if (last is not { } found)
        {
            return TypedResults.Ok(new WhatsAppWindowState(channel, user, false, null, null, null, outside));
        }

        var closes = found.At + settings.CustomerServiceWindow;
        return TypedResults.Ok(new WhatsAppWindowState(channel, user, timeProvider.GetUtcNow() < closes, found.At,
            found.Wamid.Length > 0 ? found.Wamid : null, closes, outside));
    }
}
