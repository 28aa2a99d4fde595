using System.Security.Cryptography;
using System.Text;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;

namespace Byoc.Emulator.Auth;

/// <summary>Issues a token and shapes the success body; shared by every grant.</summary>
internal sealed class TokenResponses(IAccessTokens tokens, DevConnectedApp app, OrgIdentity org, EmulatorAddresses addresses)
{
    /// <summary>The scopes of the dev connected app: the Interaction API's plus <c>api</c> so one token serves REST and Pub/Sub (§3.1).</summary>
    public static readonly IReadOnlyList<string> Scopes = ["api", "interaction_api", "refresh_token", "offline_access"];

    public TokenResponse Issue(string userId)
    {
        var issued = tokens.Issue(userId, [.. Scopes]);
        var instanceUrl = addresses.InstanceUrl.ToString().TrimEnd('/');
        var id = $"{instanceUrl}/id/{org.OrgId18}/{userId}";
        var issuedAt = issued.IssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.ConsumerSecret), Encoding.UTF8.GetBytes(id + issuedAt)));
        return new TokenResponse(issued.AccessToken, string.Join(' ', Scopes), instanceUrl, id, "Bearer", issuedAt, signature);
    }
}
