namespace Byoc.Connector.Channels.WebChat;

/// <summary>A link on a stream event.</summary>
internal sealed record WebChatLink(string Url, string? Title);
