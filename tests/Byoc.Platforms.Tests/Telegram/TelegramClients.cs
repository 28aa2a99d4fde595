using Byoc.TestUtilities.Platforms.Telegram;
using Telegram.Bot;

namespace Byoc.Platforms.Tests.Telegram;

/// <summary>The unmodified <see cref="TelegramBotClient"/>, pointed at a fake by its documented base-URL option.</summary>
internal static class TelegramClients
{
    // RetryThreshold 0: the client must surface each 429 to the test instead of waiting it out itself.
    public static TelegramBotClient For(FakeTelegram telegram) =>
        new(new TelegramBotClientOptions(telegram.Token, telegram.BaseAddress.AbsoluteUri) { RetryThreshold = 0 });
}
