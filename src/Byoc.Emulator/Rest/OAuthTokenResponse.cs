using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Rest;

/// <summary>Salesforce's token response (org-emulation.md §2.3) and its OAuth error shape.</summary>
internal static class OAuthTokenResponse
{
    private static readonly byte[] s_signingKey = RandomNumberGenerator.GetBytes(32);

    public static IResult Issue(HttpContext context, string userId, IReadOnlyCollection<string> scopes, string? refreshToken)
    {
        var services = context.RequestServices;
        var issued = services.GetRequiredService<IAccessTokens>().Issue(userId, scopes);
        var id = InstanceUrls.Identity(context, InstanceUrls.OrgId(services.GetRequiredService<OrgStore>()), userId);
        var issuedAt = issued.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject { ["access_token"] = issued.AccessToken };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        body["signature"] = Convert.ToBase64String(HMACSHA256.HashData(s_signingKey, Encoding.UTF8.GetBytes(id + issuedAt)));
        body["scope"] = string.Join(' ', scopes);
        body["instance_url"] = InstanceUrls.Instance(context);
        body["id"] = id;
        body["token_type"] = "Bearer";
        body["issued_at"] = issuedAt;
        return TypedResults.Json(body);
    }

    public static IResult Error(string error, string description) =>
        TypedResults.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);
}
