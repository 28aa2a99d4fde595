namespace Byoc.Connector.Channels.Telegram;

/// <summary>The parts of a Bot API <c>Message</c> the channel reads: who, where, when, and its text or file.</summary>
internal sealed record TelegramMessagePayload
{
    public long? MessageId { get; init; }

    public TelegramUserPayload? From { get; init; }

    public TelegramChatPayload? Chat { get; init; }

    /// <summary>Unix time in seconds; 0 for an inaccessible message (a tap on a message the bot can no longer read).</summary>
    public long Date { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    /// <summary>The sizes Telegram made of a photo, smallest first.</summary>
    public IReadOnlyList<TelegramFilePayload>? Photo { get; init; }

    public TelegramFilePayload? Animation { get; init; }

    public TelegramFilePayload? Video { get; init; }

    public TelegramFilePayload? VideoNote { get; init; }

    public TelegramFilePayload? Audio { get; init; }

    public TelegramFilePayload? Voice { get; init; }

    public TelegramFilePayload? Document { get; init; }
}
