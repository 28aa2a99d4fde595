using System.Net;
using System.Security.Cryptography;
using System.Text;
using Byoc.Emulator.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Faults;

/// <summary>
/// <c>GET|POST /emulator/faults</c> on the instance listener: read or replace the fault settings at run time. Protected by the
/// <c>X-Emulator-Admin-Key</c> header when <see cref="EmulatorOptions.AdminKey"/> is set, otherwise loopback callers only.
/// </summary>
internal static class FaultEndpoints
{
    public const string AdminKeyHeader = "X-Emulator-Admin-Key";

    public static IEndpointRouteBuilder MapFaultAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/emulator/faults").DisableAntiforgery();
        group.MapGet("/", GetFaults);
        group.MapPost("/", SetFaults);
        return endpoints;
    }

    private static Results<Ok<FaultSettings>, StatusCodeHttpResult> GetFaults(HttpContext context, FaultInjector faults, EmulatorOptions options) =>
        Allowed(context, options) ? TypedResults.Ok(FaultSettings.From(faults.Current)) : TypedResults.StatusCode(StatusCodes.Status403Forbidden);

    private static Results<Ok<FaultSettings>, ProblemHttpResult, StatusCodeHttpResult> SetFaults(
        HttpContext context, FaultSettings settings, FaultInjector faults, EmulatorOptions options)
    {
        if (!Allowed(context, options))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (settings.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault settings");
        }

        faults.Update(settings.ToOptions());
        if (settings.RevokeTokensNow)
        {
            faults.RevokeAllTokens();
        }

        return TypedResults.Ok(FaultSettings.From(faults.Current));
    }

    private static bool Allowed(HttpContext context, EmulatorOptions options)
    {
        if (options.AdminKey is { Length: > 0 } key)
        {
            var given = context.Request.Headers[AdminKeyHeader].ToString();
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
        }

        return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }
}
