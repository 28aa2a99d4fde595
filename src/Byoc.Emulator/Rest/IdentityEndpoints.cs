using System.Text.Json.Nodes;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Byoc.Emulator.Rest;

/// <summary>
/// Login and identity for the sf CLI (org-emulation.md §2, §4.1, §4.2): the API version list, the OAuth authorize
/// redirect, <c>/services/oauth2/userinfo</c> and the identity URL.
/// </summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The sf CLI discovers the API version from this list and picks the highest (org-emulation.md §2.5, §4.2).
        endpoints.MapGet("/services/data", () => TypedResults.Json(ApiVersions.All));
        endpoints.MapGet("/services/oauth2/authorize", Authorize).RequireLoopback("The password-less sign-in at /services/oauth2/authorize");
        endpoints.MapGet("/services/oauth2/userinfo", UserInfo);
        endpoints.MapGet("/id/{orgId}/{userId}", Identity);
    }

    /// <summary>
    /// Signs the org's admin in without a login page and redirects back with a code and the caller's state, which is
    /// what a browser session on a real org ends with (org-emulation.md §2.3).
    /// </summary>
    private static Results<RedirectHttpResult, BadRequest<string>> Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var redirectUri = query["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _) || string.IsNullOrEmpty(query["client_id"]))
        {
            return TypedResults.BadRequest("error=redirect_uri_mismatch&error_description=redirect_uri must match configuration");
        }

        var state = query["state"].ToString();
        var parameters = new Dictionary<string, string?>();
        if (!string.Equals(query["response_type"], "code", StringComparison.Ordinal))
        {
            parameters["error"] = "unsupported_response_type";
            parameters["error_description"] = "response type not supported";
        }
        else
        {
            var store = context.RequestServices.GetRequiredService<OrgStore>();
            var userId = store.DefaultActorId ?? "";
            parameters["code"] = context.RequestServices.GetRequiredService<OAuthCodes>().IssueCode(
                userId, query["client_id"].ToString(), redirectUri, query["code_challenge"], query["code_challenge_method"]);
        }

        if (state.Length > 0)
        {
            parameters["state"] = state;
        }

        return TypedResults.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
    }

    private static Results<JsonHttpResult<JsonObject>, ContentHttpResult> UserInfo(HttpContext context)
    {
        // A bad token on the identity endpoints is a 403 with a plain-text code on a real org (UNCONFIRMED wording);
        // 401 would send the CLI into its refresh-and-retry loop.
        var caller = RestAuthentication.Authenticate(context);
        var user = caller is null ? null : context.RequestServices.GetRequiredService<OrgStore>().Get(caller.UserId);
        if (caller is null || user is null)
        {
            return TypedResults.Text("Bad_OAuth_Token", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Json(Describe(context, caller, user));
    }

    /// <summary>The identity URL (the token response's <c>id</c>) in Salesforce's identity-service format.</summary>
    private static Results<JsonHttpResult<JsonObject>, ContentHttpResult> Identity(HttpContext context, string orgId, string userId)
    {
        var caller = RestAuthentication.Authenticate(context);
        if (caller is null)
        {
            return TypedResults.Text("Bad_OAuth_Token", statusCode: StatusCodes.Status403Forbidden);
        }

        var store = context.RequestServices.GetRequiredService<OrgStore>();
        if (store.Get(userId) is not { ObjectName: "User" } user || !Org.Ids.SalesforceId.AreEqual(orgId, caller.OrgId))
        {
            return TypedResults.Text("Bad_Id", statusCode: StatusCodes.Status404NotFound);
        }

        var info = Describe(context, caller, user);
        return TypedResults.Json(new JsonObject
        {
            ["id"] = InstanceUrls.Identity(context, caller.OrgId, user.Id),
            ["asserted_user"] = string.Equals(user.Id, caller.UserId, StringComparison.Ordinal),
            ["user_id"] = user.Id,
            ["organization_id"] = caller.OrgId,
            ["username"] = user.GetString("Username"),
            ["nick_name"] = user.GetString("Alias"),
            ["display_name"] = user.GetString("Name"),
            ["email"] = user.GetString("Email"),
            ["email_verified"] = true,
            ["first_name"] = user.GetString("FirstName"),
            ["last_name"] = user.GetString("LastName"),
            ["timezone"] = user.GetString("TimeZoneSidKey"),
            ["active"] = user.GetBoolean("IsActive"),
            ["user_type"] = "STANDARD",
            ["language"] = user.GetString("LanguageLocaleKey"),
            ["locale"] = user.GetString("LocaleSidKey"),
            ["utcOffset"] = 0,
            ["last_modified_date"] = info["updated_at"]?.DeepClone(),
            ["urls"] = info["urls"]!.DeepClone(),
            ["is_app_installed"] = true,
        });
    }

    private static JsonObject Describe(HttpContext context, AccessTokenInfo caller, SObjectRecord user)
    {
        var instance = InstanceUrls.Instance(context);
        var urls = new JsonObject();
        foreach (var (name, path) in new[]
        {
            ("enterprise", "/services/Soap/c/{version}/" + caller.OrgId), ("metadata", "/services/Soap/m/{version}/" + caller.OrgId),
            ("partner", "/services/Soap/u/{version}/" + caller.OrgId), ("rest", "/services/data/v{version}/"),
            ("sobjects", "/services/data/v{version}/sobjects/"), ("search", "/services/data/v{version}/search/"),
            ("query", "/services/data/v{version}/query/"), ("recent", "/services/data/v{version}/recent/"),
            ("tooling_soap", "/services/Soap/T/{version}/" + caller.OrgId), ("tooling_rest", "/services/data/v{version}/tooling/"),
            ("profile", "/" + user.Id), ("custom_domain", ""),
        })
        {
            urls[name] = instance + path;
        }

        return new JsonObject
        {
            ["sub"] = InstanceUrls.Identity(context, caller.OrgId, caller.UserId),
            ["user_id"] = user.Id,
            ["organization_id"] = caller.OrgId,
            ["preferred_username"] = user.GetString("Username"),
            ["nickname"] = user.GetString("Alias"),
            ["name"] = user.GetString("Name"),
            ["email"] = user.GetString("Email"),
            ["email_verified"] = true,
            ["given_name"] = user.GetString("FirstName"),
            ["family_name"] = user.GetString("LastName"),
            ["zoneinfo"] = user.GetString("TimeZoneSidKey"),
            ["locale"] = user.GetString("LocaleSidKey"),
            ["language"] = user.GetString("LanguageLocaleKey"),
            ["active"] = user.GetBoolean("IsActive"),
            ["user_type"] = "STANDARD",
            ["urls"] = urls,
            ["is_app_installed"] = true,
            ["updated_at"] = user.GetDateTime("LastModifiedDate") is { } modified ? RestValues.FormatDateTime(modified) : null,
        };
    }
}
