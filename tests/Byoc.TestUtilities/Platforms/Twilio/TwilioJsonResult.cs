using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A JSON answer with a status and, for a 429, the <c>Retry-After</c> header in whole seconds.</summary>
internal sealed class TwilioJsonResult(int status, JsonNode body, TimeSpan? retryAfter = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        if (status == 401)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        }

        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
