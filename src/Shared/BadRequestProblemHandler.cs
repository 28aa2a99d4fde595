using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Byoc.Hosting;

/// <summary>
/// Answers a request the framework could not bind (malformed JSON, a value of the wrong type) with a problem that names
/// the parameter and what is wrong, instead of an empty 400. Compiled into the connector and the emulated org (linked
/// source, see <see cref="BadRequestProblemExtensions"/>), which share no assembly with ASP.NET Core in it. Their channel
/// and Salesforce endpoints read bodies themselves; this covers endpoints with bound parameters (admin, rep and fault APIs).
/// </summary>
internal sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "Bad request",
                Detail = badRequest.InnerException is JsonException json ? $"{badRequest.Message} {json.Message}" : badRequest.Message,
            },
        });
    }
}

/// <summary>Registers <see cref="BadRequestProblemHandler"/>; the app must call <c>UseExceptionHandler()</c>.</summary>
internal static class BadRequestProblemExtensions
{
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
