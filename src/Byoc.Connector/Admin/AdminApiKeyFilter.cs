using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Admin;

/// <summary>
/// Guards the admin endpoints: 404 while no key is configured (the API does not exist), 401 with a problem body when the
/// <c>X-Byoc-Admin-Key</c> header is missing or wrong. Keys are compared in constant time.
/// </summary>
internal sealed class AdminApiKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return TypedResults.NotFound();
        }

        var presented = context.HttpContext.Request.Headers[AdminOptions.HeaderName].ToString();
        if (!Matches(presented, options.Value.ApiKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid admin key",
                detail: $"Send the connector's admin key (Connector:Admin:ApiKey) in the {AdminOptions.HeaderName} header.");
        }

        return await next(context);
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
