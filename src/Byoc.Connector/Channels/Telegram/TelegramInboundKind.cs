namespace Byoc.Connector.Channels.Telegram;

/// <summary>What an update from Telegram is to the channel.</summary>
internal enum TelegramInboundKind
{
    /// <summary>A text message.</summary>
    Text,

    /// <summary>A photo, document or other file, with an optional caption.</summary>
    File,

    /// <summary>A tap on an inline keyboard button.</summary>
    Tap,

    /// <summary>Something the channel does not forward (an edit, a sticker, a group message, a membership change, …).</summary>
    Ignored,
}
