namespace Byoc.Connector.Channels.WebChat;

/// <summary>A file on a stream event; the page loads it from <c>/chat/{channel}/files/{id}</c>.</summary>
internal sealed record WebChatFile(string Id, string Name, string MimeType, long Size);
