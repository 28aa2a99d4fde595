namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>How a <see cref="FakeTelegram"/> behaves. The defaults follow the Bot API documentation; each choice the
/// documentation leaves open is named in <c>Platforms/README.md</c>.</summary>
public sealed class FakeTelegramOptions
{
    /// <summary>The bot token the fake accepts in <c>/bot&lt;token&gt;/&lt;method&gt;</c>; its digits before the colon are the bot's id.</summary>
    public string Token { get; set; } = "7000000001:AAFakeBotTokenForByocTests0123456789";

    /// <summary>The bot's username, answered by <c>getMe</c>.</summary>
    public string BotUsername { get; set; } = "byoc_test_bot";

    /// <summary>The bot's first name, answered by <c>getMe</c>.</summary>
    public string BotFirstName { get; set; } = "BYOC Test Bot";

    /// <summary>
    /// Lets <c>setWebhook</c> accept an <c>http://</c> URL on any port when its host is a loopback address. The real
    /// Bot API accepts only HTTPS on ports 443, 80, 88 or 8443 (setWebhook notes); tests on Kestrel at 127.0.0.1:0 need
    /// this switched on explicitly. <value>The default is false.</value>
    /// </summary>
    public bool AllowInsecureLoopbackWebhooks { get; set; }

    /// <summary>The clock for message dates, rate limits, retry backoff and webhook timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The limit on messages sent to one chat; null for none. Telegram publishes only guidance ("about one message per
    /// second" in a chat, UNCONFIRMED), so the default allows a burst of 3 and then 1 per second.
    /// </summary>
    public RateLimit? PerChatLimit { get; set; } = new(1, 3);

    /// <summary>The limit on messages the bot sends overall; null for none. Default 30 per second (UNCONFIRMED guidance).</summary>
    public RateLimit? GlobalLimit { get; set; } = new(30, 30);

    /// <summary>How long the fake waits for the webhook to answer before it counts the attempt as failed
    /// (UNCONFIRMED: the Bot API does not publish it). <value>The default is 60 seconds.</value></summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many times one update is tried before the fake gives up on it and moves to the next. setWebhook says only
    /// that Telegram "will give up after a reasonable number of attempts" (UNCONFIRMED). <value>The default is 10.</value>
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles per attempt up to <see cref="MaxRetryDelay"/>.
    /// <value>The default is 1 second (UNCONFIRMED).</value></summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts at one update. <value>The default is 60 seconds (UNCONFIRMED).</value></summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a button tap can still be answered with <c>answerCallbackQuery</c>; later the fake answers "query is too
    /// old" as the Bot API does. The exact limit is not published (UNCONFIRMED). <value>The default is 15 minutes.</value>
    /// </summary>
    public TimeSpan CallbackQueryLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The <c>update_id</c> of the first update; later ones increase by one. <value>The default is 1.</value></summary>
    public long FirstUpdateId { get; set; } = 1;

    internal long BotId
    {
        get
        {
            var colon = Token.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(Token.AsSpan(0, colon), out var id) ? id : 0;
        }
    }

    internal void Validate()
    {
        if (BotId <= 0)
        {
            throw new ArgumentException("FakeTelegramOptions.Token must look like '<bot id digits>:<secret>'.", nameof(Token));
        }

        PerChatLimit?.Validate(nameof(PerChatLimit));
        GlobalLimit?.Validate(nameof(GlobalLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDeliveryAttempts, 1, nameof(MaxDeliveryAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WebhookTimeout, TimeSpan.Zero, nameof(WebhookTimeout));
    }
}
