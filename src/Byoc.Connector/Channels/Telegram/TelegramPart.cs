using Byoc.Connector.Attachments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>One Bot API send of an outbound message: a text (with an optional keyboard), or a file with an optional caption.</summary>
/// <param name="Text">The text, or the file's caption.</param>
/// <param name="Keyboard">The inline keyboard to attach, if any.</param>
/// <param name="File">The file to upload, if any.</param>
/// <param name="AsPhoto">Whether the file goes as a photo (sendPhoto) rather than a document (sendDocument).</param>
internal sealed record TelegramPart(string? Text, InlineKeyboardMarkup? Keyboard = null, StoredFile? File = null, bool AsPhoto = false);
