using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>Twilio's REST error body (API responses, "Error responses"): <c>{code, message, more_info, status}</c>.</summary>
internal static class TwilioError
{
    public static IResult Result(int status, int code, string message, TimeSpan? retryAfter = null)
    {
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        };
        return new TwilioJsonResult(status, body, retryAfter);
    }

    public static IResult Unauthorized() => Result(401, 20003, "Authenticate");

    public static IResult NotFound(string path) => Result(404, 20404, $"The requested resource {path} was not found");
}
