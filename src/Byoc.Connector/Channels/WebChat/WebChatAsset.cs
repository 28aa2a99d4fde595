using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>One embedded static file of the chat page.</summary>
internal sealed record WebChatAsset(byte[] Content, string ContentType, EntityTagHeaderValue EntityTag);
