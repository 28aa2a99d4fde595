using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Meta's webhook verification request, sent when the callback URL is saved in the app dashboard:
/// <c>GET {callback}?hub.mode=subscribe&amp;hub.verify_token={token}&amp;hub.challenge={n}</c>. The challenge is echoed as
/// <c>text/plain</c> with 200 when the token is the configured verify token; anything else is 403.
/// </summary>
internal static class MetaHubVerification
{
    public static InboundResult Answer(InboundRequest request, string verifyToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (query["hub.mode"] != "subscribe" || query["hub.challenge"] is not { Length: > 0 } challenge)
        {
            return InboundResult.Refuse(InboundRefusalKind.Forbidden, "Not a verification request",
                "A GET here must be Meta's webhook verification: hub.mode=subscribe with hub.verify_token and hub.challenge.");
        }

        var token = Encoding.UTF8.GetBytes(query["hub.verify_token"] ?? "");
        return CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(verifyToken))
            ? InboundResult.Answer(InboundReply.Text(challenge))
            : InboundResult.Refuse(InboundRefusalKind.Forbidden, "Wrong verify token",
                "hub.verify_token is not this channel's VerifyToken (the value pasted into the app's webhook settings).");
    }
}
