namespace Byoc.Emulator.Auth;

/// <summary><c>POST /services/oauth2/token</c>: dispatches by <c>grant_type</c> to the registered <see cref="IOAuthGrant"/>s.</summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/services/oauth2/token", TokenAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> TokenAsync(HttpContext context, IEnumerable<IOAuthGrant> grants, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthError.Create("invalid_request", "the request must be application/x-www-form-urlencoded");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        var grant = grants.FirstOrDefault(g => string.Equals(g.GrantType, grantType, StringComparison.Ordinal));
        return grant is null
            ? OAuthError.Create("unsupported_grant_type", "grant type not supported")
            : await grant.HandleAsync(form, context, cancellationToken);
    }
}
