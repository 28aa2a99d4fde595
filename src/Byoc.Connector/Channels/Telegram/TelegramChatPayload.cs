namespace Byoc.Connector.Channels.Telegram;

/// <summary>A Bot API <c>Chat</c>: its id (a private chat's equals the user's) and <c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
internal sealed record TelegramChatPayload(long? Id, string? Type);
