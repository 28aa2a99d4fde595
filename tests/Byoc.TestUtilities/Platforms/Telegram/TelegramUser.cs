namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A Telegram user who talks to the bot in a private chat (whose id equals the user's id, as on Telegram).</summary>
/// <param name="Id">The user's id, also the private chat's id.</param>
/// <param name="FirstName">The user's first name.</param>
/// <param name="Username">The user's @username without the @, if they have one.</param>
/// <param name="LanguageCode">The IETF language tag of the user's client, if known.</param>
public sealed record TelegramUser(long Id, string FirstName, string? Username = null, string? LanguageCode = null);
