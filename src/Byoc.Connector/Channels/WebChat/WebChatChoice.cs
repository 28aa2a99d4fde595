namespace Byoc.Connector.Channels.WebChat;

/// <summary>One option of a <c>choices</c> event.</summary>
internal sealed record WebChatChoice(string Id, string Title);
