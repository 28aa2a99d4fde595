namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>A private chat between one user and the bot; message ids count up per chat for both sides.</summary>
internal sealed class TelegramChat(TelegramUser user)
{
    public long Id => User.Id;

    public TelegramUser User { get; } = user;

    public long LastMessageId { get; set; }

    public bool BotBlocked { get; set; }
}
