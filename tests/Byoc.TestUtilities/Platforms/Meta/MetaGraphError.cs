using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>Graph API errors in Graph's shape: <c>{"error":{message, type, code, error_subcode, error_data, fbtrace_id}}</c>.</summary>
internal static class MetaGraphError
{
    public static IResult Create(int status, int code, string message, string type = "OAuthException", string? details = null, int? subcode = null)
    {
        var error = new Dictionary<string, object?>
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["fbtrace_id"] = "Af4ke" + Guid.NewGuid().ToString("N")[..16],
        };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        if (details is not null)
        {
            error["error_data"] = new Dictionary<string, string> { ["messaging_product"] = "whatsapp", ["details"] = details };
        }

        return Results.Json(new Dictionary<string, object> { ["error"] = error }, statusCode: status);
    }

    /// <summary>(#100) an invalid parameter.</summary>
    public static IResult InvalidParameter(string details) => Create(400, 100, "(#100) Invalid parameter", details: details);

    /// <summary>(#131009) a parameter value not valid for an interactive message.</summary>
    public static IResult InvalidValue(string details) => Create(400, 131009, "(#131009) Parameter value is not valid", details: details);
}
