using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>Messaging API errors in LINE's shape: <c>{"message": …, "details": [{"message": …, "property": …}]}</c>.</summary>
internal static class LineError
{
    public static IResult Create(int status, string message, params (string Property, string Message)[] details)
    {
        var body = new Dictionary<string, object> { ["message"] = message };
        if (details.Length > 0)
        {
            body["details"] = details.Select(d => new Dictionary<string, string> { ["message"] = d.Message, ["property"] = d.Property }).ToList();
        }

        return Results.Json(body, statusCode: status);
    }

    /// <summary>A request body LINE cannot take (400).</summary>
    public static IResult Invalid(string property, string message) => Create(400, "The request body has 1 error(s)", (property, message));
}
