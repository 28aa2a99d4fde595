namespace Byoc.Emulator.Auth;

/// <summary>Salesforce's OAuth error body: HTTP 400 <c>{"error","error_description"}</c>.</summary>
internal static class OAuthError
{
    public static IResult InvalidGrant(string description) => Create("invalid_grant", description);

    public static IResult Create(string error, string description) =>
        TypedResults.Json(new OAuthErrorBody(error, description), statusCode: StatusCodes.Status400BadRequest);
}
