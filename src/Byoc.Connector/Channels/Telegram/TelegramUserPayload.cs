namespace Byoc.Connector.Channels.Telegram;

/// <summary>A Bot API <c>User</c>, the sender of a message or a tap.</summary>
internal sealed record TelegramUserPayload(long Id, bool IsBot, string? FirstName, string? Username, string? LanguageCode);
