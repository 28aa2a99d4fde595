namespace Byoc.Connector.Channels.WebChat;

/// <summary>The 202 body of <c>POST /chat/{channel}/messages</c>: stored now, or stored before (a re-sent POST).</summary>
internal sealed record WebChatAcceptedResponse(int Stored, int Duplicates);
