using System.Diagnostics.CodeAnalysis;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Validates the headers every Interaction Service API call carries (interaction-service-api.md §4.1): <c>Authorization</c>
/// Bearer token (10004 unknown/expired, 10003 no <c>interaction_api</c> scope), <c>OrgId</c> 15 or 18 characters of this org,
/// <c>AuthorizationContext</c> = a conversation channel definition's DeveloperName (10005), <c>RequestId</c> a UUID. A missing or
/// malformed header is 10016.
/// </summary>
internal sealed class ScrtRequestValidator(IAccessTokens tokens, OrgIdentity org, OrgStore store)
{
    private static readonly string[] s_contextTypes = ["ConversationChannelDefinition", "EmbeddedMessagingChannel", "ExternalConversationParticipant"];

    public bool TryValidate(HttpRequest request, [NotNullWhen(true)] out ScrtCaller? caller, [NotNullWhen(false)] out InteractionError? error)
    {
        caller = null;
        if (!TryValidateToken(request, out var token, out error))
        {
            return false;
        }

        var orgId = request.Headers["OrgId"].ToString();
        if (orgId.Length is not (15 or 18))
        {
            error = InteractionError.Of(10016).With("OrgId must be the 15-character org id.");
            return false;
        }

        if (!org.Matches(orgId) || !org.Matches(token.OrgId))
        {
            // The token is verified against the OrgId header; a token of another org is not valid here.
            error = InteractionError.Of(10004);
            return false;
        }

        var requestId = request.Headers["RequestId"].ToString();
        if (!Guid.TryParse(requestId, out _))
        {
            error = InteractionError.Of(10016).With("RequestId must be a UUID.");
            return false;
        }

        var contextType = request.Headers["AuthorizationContextType"].ToString();
        if (contextType.Length > 0 && !s_contextTypes.Contains(contextType, StringComparer.OrdinalIgnoreCase))
        {
            error = InteractionError.Of(10093);
            return false;
        }

        var context = request.Headers["AuthorizationContext"].ToString();
        if (context.Length == 0)
        {
            error = InteractionError.Of(10016).With("AuthorizationContext is required.");
            return false;
        }

        var definition = store.Lookup("ConversationChannelDefinition", "DeveloperName", context) is [var found, ..] ? found : null;
        if (definition is null)
        {
            error = InteractionError.Of(10005);
            return false;
        }

        caller = new ScrtCaller(token, definition, requestId);
        return true;
    }

    /// <summary>Only the bearer token (for endpoints whose other headers do not apply, such as Bring Your Own Bot).</summary>
    public bool TryValidateToken(HttpRequest request, [NotNullWhen(true)] out AccessTokenInfo? token, [NotNullWhen(false)] out InteractionError? error)
    {
        token = null;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            error = InteractionError.Of(10016).With("Authorization must be 'Bearer <access token>'.");
            return false;
        }

        token = tokens.Validate(authorization[7..].Trim());
        if (token is null)
        {
            error = InteractionError.Of(10004);
            return false;
        }

        if (!token.Scopes.Contains("interaction_api"))
        {
            error = InteractionError.Of(10003);
            return false;
        }

        error = null;
        return true;
    }
}
