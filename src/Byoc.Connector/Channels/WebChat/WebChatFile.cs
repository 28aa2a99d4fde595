namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// A file on a stream event; the page loads it from <c>/chat/{channel}/files/{id}?key={key}</c>, the key added as the event
/// goes out on the visitor's stream (<see cref="WebChatFileKeys"/>).
/// </summary>
internal sealed record WebChatFile(string Id, string Name, string MimeType, long Size);
