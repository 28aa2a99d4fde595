using System.Globalization;
using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A Bot API response: <c>{ok: true, result}</c> or <c>{ok: false, error_code, description, parameters}</c>.</summary>
internal sealed record TelegramAnswer(int StatusCode, JsonObject Body)
{
    public static TelegramAnswer Ok(JsonNode? result, string? description = null)
    {
        var body = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            body["description"] = description;
        }

        return new TelegramAnswer(200, body);
    }

    public static TelegramAnswer Error(int errorCode, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return new TelegramAnswer(errorCode, body);
    }

    public static TelegramAnswer BadRequest(string problem) => Error(400, "Bad Request: " + problem);

    public static TelegramAnswer Unauthorized() => Error(401, "Unauthorized");

    public static TelegramAnswer NotFound() => Error(404, "Not Found");

    /// <summary>Flood control: the description and <c>parameters.retry_after</c> carry whole seconds, rounded up.</summary>
    public static TelegramAnswer TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return Error(429, "Too Many Requests: retry after " + seconds.ToString(CultureInfo.InvariantCulture),
            new JsonObject { ["retry_after"] = seconds });
    }

    public static TelegramAnswer FromFault(PlatformFault fault) => fault.StatusCode == 429
        ? TooManyRequests(fault.RetryAfter ?? TimeSpan.FromSeconds(1))
        : Error(fault.StatusCode, fault.StatusCode switch
        {
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Internal Server Error",
        });
}
