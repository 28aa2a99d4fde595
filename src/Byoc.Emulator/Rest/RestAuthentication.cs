using Byoc.Emulator.Auth;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Validates <c>Authorization: Bearer &lt;token&gt;</c> on REST calls. Only an unknown or expired token gets 401: the sf CLI
/// refreshes and retries every 401 without limit (org-emulation.md §2.6).
/// </summary>
internal static class RestAuthentication
{
    private const string ItemKey = "Byoc.Emulator.Rest.AccessToken";

    public static AccessTokenInfo? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        string? token = null;
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "OAuth "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                token = header[scheme.Length..].Trim();
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var info = context.RequestServices.GetRequiredService<IAccessTokens>().Validate(token);
        if (info is not null)
        {
            context.Items[ItemKey] = info;
        }

        return info;
    }

    /// <summary>The caller's grant, set by the endpoint filter.</summary>
    public static AccessTokenInfo Caller(HttpContext context) => (AccessTokenInfo)context.Items[ItemKey]!;

    /// <summary>An endpoint filter answering 401 INVALID_SESSION_ID without a valid token.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Authenticate(context.HttpContext) is null ? RestErrors.InvalidSession() : await next(context);
}
