namespace Byoc.Connector.Channels.Telegram;

/// <summary>One verified update, understood: the end user's chat, the de-duplication key, and what they did.</summary>
internal sealed record TelegramInbound
{
    /// <summary>What the update is.</summary>
    public required TelegramInboundKind Kind { get; init; }

    /// <summary>The chat id (a private chat's is the user's id): the platform user id of the end user.</summary>
    public string ChatId { get; init; } = "";

    /// <summary>
    /// The inbox key: <c>message:{chat id}:{message_id}</c> for a message, <c>callback:{id}</c> for a tap. Not the
    /// <c>update_id</c>: Update says it is chosen at random again after a week without updates, so it could repeat an
    /// old key and a new message would be dropped as a duplicate; a message id is unique in its chat for good, and a
    /// retried update carries the same one.
    /// </summary>
    public string PlatformMessageId { get; init; } = "";

    /// <summary>When the message was sent (the update's <c>date</c>); null for a tap, which has none.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The text, or the file's caption.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="TelegramInboundKind.File"/>: the file.</summary>
    public TelegramFileReference? File { get; init; }

    /// <summary>For <see cref="TelegramInboundKind.Tap"/> (and an ignored tap): the query id to answer.</summary>
    public string? CallbackQueryId { get; init; }

    /// <summary>For <see cref="TelegramInboundKind.Tap"/>: the button's <c>callback_data</c>.</summary>
    public string? CallbackData { get; init; }

    /// <summary>For <see cref="TelegramInboundKind.Ignored"/>: why, for the debug log.</summary>
    public string? IgnoredReason { get; init; }
}
