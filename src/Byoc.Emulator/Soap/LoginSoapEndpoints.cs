using System.Globalization;
using System.Xml.Linq;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Rest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Soap;

/// <summary>
/// The SOAP API's <c>login()</c> and <c>logout()</c> (SOAP API Developer Guide, "login()", "LoginResult") on the partner
/// (<c>/services/Soap/u/NN.0</c>) and enterprise (<c>/services/Soap/c/NN.0</c>) endpoints, which older clients and
/// Salesforce's Pub/Sub samples use. A session from <c>login()</c> is an access token like any other. Other operations of
/// those APIs are not served: they answer the fault INVALID_OPERATION, and only the REST API serves data.
/// </summary>
internal static class LoginSoapEndpoints
{
    public static IEndpointRouteBuilder MapLoginSoap(this IEndpointRouteBuilder routes)
    {
        foreach (var api in (ReadOnlySpan<string>)["u", "c"])
        {
            var ns = api == "u" ? SoapNamespaces.Partner : SoapNamespaces.Enterprise;
            routes.MapPost($"/services/Soap/{api}/{{version}}", (HttpContext c, string version) => HandleAsync(c, version, api, ns));
            routes.MapPost($"/services/Soap/{api}/{{version}}/{{orgId}}", (HttpContext c, string version) => HandleAsync(c, version, api, ns));
        }

        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string version, string api, XNamespace ns)
    {
        if (!SoapApis.IsApiVersion(version))
        {
            return TypedResults.NotFound();
        }

        var request = await SoapRequest.ReadAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            return SoapResponses.MalformedRequest();
        }

        var services = context.RequestServices;
        var tokens = services.GetRequiredService<IAccessTokens>();
        switch (request.Operation.Name.LocalName)
        {
            case "login":
                return Login(context, request, version, api, ns);
            case "logout" when request.SessionId is { } session && tokens.Revoke(session):
                return SoapResponses.Envelope(null, new XElement(ns + "logoutResponse"), new XAttribute("xmlns", ns));
            case "logout":
                return SoapResponses.InvalidSession(ns);
            default:
                return SoapResponses.Fault(ns, "INVALID_OPERATION",
                    $"The emulated org serves login and logout on this SOAP API, not {request.Operation.Name.LocalName}; use the REST API.");
        }
    }

    private static ContentHttpResult Login(HttpContext context, SoapRequest request, string version, string api, XNamespace ns)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<OrgStore>();
        var username = request.Child("username")?.Trim();
        var user = string.IsNullOrEmpty(username) ? null : store.Lookup("User", "Username", username).FirstOrDefault(u => u.GetBoolean("IsActive"));
        if (user is null || !services.GetRequiredService<UserPasswords>().Matches(request.Child("password")))
        {
            return LoginFault(ns);
        }

        var tokens = services.GetRequiredService<IAccessTokens>();
        var session = tokens.Issue(user.Id, [.. TokenResponses.Scopes]);
        var org = services.GetRequiredService<OrgIdentity>();
        var organization = store.Get(org.OrgId18);
        var instance = InstanceUrls.Instance(context);
        var timeout = (int)(session.ExpiresAt - session.IssuedAt).TotalSeconds;
        var result = new XElement(ns + "result",
            new XElement(ns + "metadataServerUrl", $"{instance}/services/Soap/m/{version}/{org.OrgId15}"),
            new XElement(ns + "passwordExpired", "false"),
            new XElement(ns + "sandbox", organization?.GetBoolean("IsSandbox") is true ? "true" : "false"),
            new XElement(ns + "serverUrl", $"{instance}/services/Soap/{api}/{version}/{org.OrgId15}"),
            new XElement(ns + "sessionId", session.AccessToken),
            new XElement(ns + "userId", user.Id),
            UserInfo(ns, user, org, organization, store, timeout));
        return SoapResponses.Envelope(null, new XElement(ns + "loginResponse", result),
            new XAttribute("xmlns", ns), new XAttribute(XNamespace.Xmlns + "xsi", SoapNamespaces.Instance));
    }

    /// <summary>GetUserInfoResult, as <c>login()</c> returns it inside LoginResult.</summary>
    private static XElement UserInfo(XNamespace ns, SObjectRecord user, OrgIdentity org, SObjectRecord? organization, OrgStore store, int timeout) =>
        new(ns + "userInfo",
            new XElement(ns + "accessibilityMode", "false"),
            new XElement(ns + "chatterExternal", "false"),
            new XElement(ns + "currencySymbol", "$"),
            new XElement(ns + "orgAttachmentFileSizeLimit", "5242880"),
            new XElement(ns + "orgDefaultCurrencyIsoCode", "USD"),
            new XElement(ns + "orgDefaultCurrencyLocale", "en_US"),
            new XElement(ns + "orgDisallowHtmlAttachments", "false"),
            new XElement(ns + "orgHasPersonAccounts", "false"),
            new XElement(ns + "organizationId", org.OrgId18),
            new XElement(ns + "organizationMultiCurrency", "false"),
            new XElement(ns + "organizationName", organization?.GetString("Name") ?? ""),
            SoapResponses.Nillable(ns + "profileId", user.GetString("ProfileId")),
            SoapResponses.Nillable(ns + "roleId", null),
            new XElement(ns + "sessionSecondsValid", timeout.ToString(CultureInfo.InvariantCulture)),
            SoapResponses.Nillable(ns + "userDefaultCurrencyIsoCode", null),
            new XElement(ns + "userEmail", user.GetString("Email") ?? ""),
            new XElement(ns + "userFullName", user.GetString("Name") ?? ""),
            new XElement(ns + "userId", user.Id),
            new XElement(ns + "userLanguage", user.GetString("LanguageLocaleKey") ?? "en_US"),
            new XElement(ns + "userLocale", user.GetString("LocaleSidKey") ?? "en_US"),
            new XElement(ns + "userName", user.GetString("Username")),
            new XElement(ns + "userTimeZone", user.GetString("TimeZoneSidKey") ?? "GMT"),
            new XElement(ns + "userType", user.GetString("UserType") ?? "Standard"),
            new XElement(ns + "userUiSkin", "Theme3"));

    /// <summary>The documented LoginFault: HTTP 500, faultcode <c>sf:INVALID_LOGIN</c>, same message for any wrong credential.</summary>
    private static ContentHttpResult LoginFault(XNamespace ns)
    {
        const string Message = "Invalid username, password, security token; or user locked out.";
        var env = SoapNamespaces.Envelope;
        var fault = new XElement(env + "Fault",
            new XElement("faultcode", "sf:INVALID_LOGIN"),
            new XElement("faultstring", "INVALID_LOGIN: " + Message),
            new XElement("detail",
                new XElement(ns + "LoginFault", new XAttribute(SoapNamespaces.Instance + "type", "sf:LoginFault"),
                    new XElement(ns + "exceptionCode", "INVALID_LOGIN"),
                    new XElement(ns + "exceptionMessage", Message))));
        var envelope = new XElement(env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", env),
            new XAttribute(XNamespace.Xmlns + "sf", ns),
            new XAttribute(XNamespace.Xmlns + "xsi", SoapNamespaces.Instance),
            new XElement(env + "Body", fault));
        return TypedResults.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + envelope.ToString(SaveOptions.DisableFormatting),
            SoapResponses.ContentType, null, StatusCodes.Status500InternalServerError);
    }
}
