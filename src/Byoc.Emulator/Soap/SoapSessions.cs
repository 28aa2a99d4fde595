using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Soap;

/// <summary>Validates the session of a SOAP call: the envelope's <c>sessionId</c>, else the Authorization header.</summary>
internal static class SoapSessions
{
    public static AccessTokenInfo? Validate(IAccessTokens tokens, SoapRequest request, HttpRequest http, string? pathOrgId)
    {
        var token = request.SessionId;
        var authorization = http.Headers.Authorization.ToString();
        if (token is null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = authorization["Bearer ".Length..].Trim();
        }

        var info = token is null ? null : tokens.Validate(token);
        if (info is null || (pathOrgId is not null && !SalesforceId.AreEqual(pathOrgId, info.OrgId)))
        {
            return null;
        }

        return info;
    }
}
