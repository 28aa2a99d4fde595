namespace Byoc.Connector.Channels.WebChat;

/// <summary>A verified or freshly issued visitor session; also the body of <c>POST /chat/{channel}/session</c>.</summary>
/// <param name="Token">The bearer token.</param>
/// <param name="VisitorId">The visitor's id (the platform user id).</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
internal sealed record WebChatSession(string Token, string VisitorId, DateTimeOffset ExpiresAt);
