using System.Net;

namespace Byoc.Emulator.Hosting;

/// <summary>
/// The emulated org's development shortcuts (a sign-in without a password, a rep named by a header, a list of every
/// user's messages) answer only when the org listens on a loopback address and the caller is on this machine; otherwise
/// 403 naming the shortcut. A real org has no such doors, so an emulated org reachable from a network must not either.
/// </summary>
public static class LoopbackOnly
{
    /// <summary>Refuses the endpoints' requests unless both the listening host and the caller are loopback.</summary>
    public static TBuilder RequireLoopback<TBuilder>(this TBuilder builder, string shortcut) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => Refusal(context.HttpContext, shortcut) ?? await next(context));

    /// <summary>Why the request may not use <paramref name="shortcut"/>, or null when it may.</summary>
    public static IResult? Refusal(HttpContext context, string shortcut)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetService<EmulatorOptions>() is { } options && !IsLoopback(options.Host))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Development shortcut refused",
                detail: $"{shortcut} is a development shortcut of the emulated org and is off because the org listens on {options.Host}, " +
                    "not on a loopback address.");
        }

        return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Development shortcut refused",
                detail: $"{shortcut} is a development shortcut and answers only callers on this machine (loopback).");
    }

    private static bool IsLoopback(string host) => IPAddress.TryParse(host, out var address) ? IPAddress.IsLoopback(address) : host == "localhost";
}
