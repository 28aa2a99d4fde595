using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

/// <summary>Salesforce REST error responses: a JSON array of <c>{message, errorCode, fields?}</c> with the HTTP status.</summary>
internal static class RestErrors
{
    public const string SessionExpiredMessage = "Session expired or invalid";

    public static JsonHttpResult<RestError[]> Error(int status, string errorCode, string message, IReadOnlyList<string>? fields = null) =>
        TypedResults.Json(new[] { new RestError(message, errorCode, fields) }, statusCode: status);

    public static JsonHttpResult<RestError[]> InvalidSession() =>
        Error(StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", SessionExpiredMessage);

    public static JsonHttpResult<RestError[]> NotFound() =>
        Error(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");

    public static JsonHttpResult<RestError[]> BadRequest(string errorCode, string message, IReadOnlyList<string>? fields = null) =>
        Error(StatusCodes.Status400BadRequest, errorCode, message, fields);

    public static JsonHttpResult<RestError[]> MethodNotAllowed(string method, string allowed) =>
        Error(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"HTTP Method '{method}' not allowed. Allowed are {allowed}");
}
