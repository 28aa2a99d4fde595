using System.Net;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;
using Grpc.Core;

namespace Byoc.Emulator.PubSub;

/// <summary>
/// Checks the three headers every Pub/Sub RPC carries (Pub/Sub API guide, "Include Authorization Headers in RPC Method Calls"):
/// <c>accesstoken</c> a valid session of this org, <c>instanceurl</c> this org's instance, <c>tenantid</c> this org's id (15
/// characters, or 18 with a valid checksum). A refusal is UNAUTHENTICATED with the <c>error-code</c> trailer
/// <c>sfdc.platform.eventbus.grpc.service.auth.error</c>, the code Pub/Sub clients re-authenticate on.
/// </summary>
internal sealed class PubSubCallAuthenticator(IAccessTokens tokens, OrgIdentity org, EmulatorAddresses addresses)
{
    public const string AuthErrorCode = "sfdc.platform.eventbus.grpc.service.auth.error";

    /// <summary>The caller's grant; throws UNAUTHENTICATED naming the header that is wrong.</summary>
    public AccessTokenInfo Authenticate(ServerCallContext context)
    {
        var accessToken = context.RequestHeaders.GetValue("accesstoken");
        var instanceUrl = context.RequestHeaders.GetValue("instanceurl");
        var tenantId = context.RequestHeaders.GetValue("tenantid");
        if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(instanceUrl) || string.IsNullOrEmpty(tenantId))
        {
            throw Refused("The accesstoken, instanceurl and tenantid metadata are required.");
        }

        if (!org.Matches(tenantId))
        {
            throw Refused($"tenantid '{tenantId}' is not this org's id.");
        }

        if (!IsThisInstance(instanceUrl))
        {
            throw Refused($"instanceurl '{instanceUrl}' is not this org's instance URL ({addresses.InstanceUrl.GetLeftPart(UriPartial.Authority)}).");
        }

        return tokens.Validate(accessToken) is { } grant && org.Matches(grant.OrgId)
            ? grant
            : throw Refused("The access token is not valid for this tenant.");
    }

    /// <summary>
    /// The same host and port as the instance listener (scheme and path ignored, so a client that writes https or a trailing
    /// slash is not refused); 127.0.0.1, ::1 and localhost name the same loopback host.
    /// </summary>
    private bool IsThisInstance(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return false;
        }

        var instance = addresses.InstanceUrl;
        return url.Port == instance.Port &&
            (string.Equals(url.IdnHost, instance.IdnHost, StringComparison.OrdinalIgnoreCase) || (IsLoopback(url) && IsLoopback(instance)));
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static RpcException Refused(string detail) =>
        new(new Status(StatusCode.Unauthenticated, detail), new global::Grpc.Core.Metadata { { "error-code", AuthErrorCode } });
}
