namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>The webhook set with <c>setWebhook</c>.</summary>
/// <param name="Url">Where updates are posted.</param>
/// <param name="SecretToken">Sent back in <c>X-Telegram-Bot-Api-Secret-Token</c> on every update, if set.</param>
/// <param name="MaxConnections">The <c>max_connections</c> given (1–100, default 40).</param>
/// <param name="AllowedUpdates">The update types delivered; null for the default (all but chat_member,
/// message_reaction and message_reaction_count).</param>
public sealed record TelegramWebhookRegistration(Uri Url, string? SecretToken, int MaxConnections, IReadOnlyList<string>? AllowedUpdates);
