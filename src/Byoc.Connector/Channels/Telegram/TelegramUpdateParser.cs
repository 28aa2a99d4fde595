using System.Globalization;
using System.Text.Json;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Verifies the webhook's secret token (constant time) and reads one Bot API update into a <see cref="TelegramInbound"/>;
/// no I/O. A message in a private chat (or, when allowed, a group) with text or a file, and a button tap, are forwarded;
/// every other update type is <see cref="TelegramInboundKind.Ignored"/>.
/// </summary>
internal sealed class TelegramUpdateParser(string secretToken, bool allowGroups)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The update, or the refusal to answer with (401 for the secret, 400 for a body that is not an update).</summary>
    public TelegramInbound? Parse(InboundRequest request, out InboundResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(request);
        var received = request.Header(TelegramSecrets.SecretTokenHeader);
        if (received is null)
        {
            refusal = InboundResult.Unauthenticated($"The {TelegramSecrets.SecretTokenHeader} header is missing; set the webhook with the channel's secret token.",
                "Missing secret token");
            return null;
        }

        if (!TelegramSecrets.Matches(received, secretToken))
        {
            refusal = InboundResult.Unauthenticated($"The {TelegramSecrets.SecretTokenHeader} header does not match the channel's secret token.",
                "Invalid secret token");
            return null;
        }

        TelegramUpdatePayload? update;
        try
        {
            update = JsonSerializer.Deserialize<TelegramUpdatePayload>(request.Body.Span, s_json);
        }
        catch (JsonException ex)
        {
            refusal = InboundResult.Malformed($"The body is not a Telegram update: {ex.Message}");
            return null;
        }

        refusal = Check(update);
        return refusal is null ? Read(update!) : null;
    }

    private static InboundResult? Check(TelegramUpdatePayload? update)
    {
        if (update is null)
        {
            return InboundResult.Malformed("The body must be a JSON object (a Telegram update).");
        }

        if (update.UpdateId is null)
        {
            return InboundResult.Malformed("The update has no 'update_id'.");
        }

        if (update.Message is { } message && (message.MessageId is null || message.Chat?.Id is null))
        {
            return InboundResult.Malformed("The update's 'message' needs 'message_id' and 'chat.id'.");
        }

        if (update.CallbackQuery is { } tap && (string.IsNullOrEmpty(tap.Id) || tap.Message?.Chat?.Id is null))
        {
            return InboundResult.Malformed("The update's 'callback_query' needs 'id' and 'message.chat.id'.");
        }

        return null;
    }

    private TelegramInbound Read(TelegramUpdatePayload update)
    {
        if (update.Message is { } message)
        {
            return ReadMessage(message);
        }

        if (update.CallbackQuery is { } tap)
        {
            var chat = tap.Message!.Chat!;
            var ignored = IgnoreChat(chat) ?? (string.IsNullOrEmpty(tap.Data) ? "a tap without callback_data (a game button)" : null);
            return new TelegramInbound
            {
                Kind = ignored is null ? TelegramInboundKind.Tap : TelegramInboundKind.Ignored,
                ChatId = Id(chat.Id!.Value),
                PlatformMessageId = "callback:" + tap.Id,
                CallbackQueryId = tap.Id,
                CallbackData = tap.Data,
                IgnoredReason = ignored,
            };
        }

        var type = update.Other?.Keys.FirstOrDefault(key => key != "update_id") ?? "an empty update";
        return new TelegramInbound { Kind = TelegramInboundKind.Ignored, IgnoredReason = $"an update of type '{type}'" };
    }

    private TelegramInbound ReadMessage(TelegramMessagePayload message)
    {
        var chat = message.Chat!;
        var inbound = new TelegramInbound
        {
            Kind = TelegramInboundKind.Ignored,
            ChatId = Id(chat.Id!.Value),
            PlatformMessageId = $"message:{Id(chat.Id!.Value)}:{Id(message.MessageId!.Value)}",
            Timestamp = message.Date > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.Date) : null,
        };
        if (IgnoreChat(chat) is { } ignoredChat)
        {
            return inbound with { IgnoredReason = ignoredChat };
        }

        if (message.From is { IsBot: true })
        {
            return inbound with { IgnoredReason = "a message from a bot" };
        }

        if (!string.IsNullOrEmpty(message.Text))
        {
            return inbound with { Kind = TelegramInboundKind.Text, Text = message.Text };
        }

        return FileOf(message) is { } file
            ? inbound with { Kind = TelegramInboundKind.File, File = file, Text = string.IsNullOrEmpty(message.Caption) ? null : message.Caption }
            : inbound with { IgnoredReason = "a message with neither text nor a file (a sticker, location, contact, poll or service message)" };
    }

    private string? IgnoreChat(TelegramChatPayload chat) => chat.Type switch
    {
        "private" => null,
        "group" or "supergroup" when allowGroups => null,
        "group" or "supergroup" => "a group chat (AllowGroups is off)",
        _ => $"a chat of type '{chat.Type}'",
    };

    /// <summary>The message's file: for a photo the largest size Telegram made; names and types implied where Telegram gives none.</summary>
    private static TelegramFileReference? FileOf(TelegramMessagePayload message)
    {
        if (message.Photo is { Count: > 0 } sizes && Largest(sizes) is { FileId: { Length: > 0 } photoId } photo)
        {
            return new TelegramFileReference(photoId, "photo.jpg", "image/jpeg", photo.FileSize);
        }

        return Reference(message.Animation, "animation.mp4", "video/mp4")
            ?? Reference(message.Video, "video.mp4", "video/mp4")
            ?? Reference(message.VideoNote, "video_note.mp4", "video/mp4")
            ?? Reference(message.Audio, "audio.mp3", "audio/mpeg")
            ?? Reference(message.Voice, "voice.ogg", "audio/ogg")
            ?? Reference(message.Document, "document", null);
    }

    private static TelegramFilePayload? Largest(IReadOnlyList<TelegramFilePayload> sizes) =>
        sizes.MaxBy(size => ((long)(size.Width ?? 0) * (size.Height ?? 0), size.FileSize ?? 0));

    private static TelegramFileReference? Reference(TelegramFilePayload? file, string defaultName, string? defaultMimeType) =>
        file is { FileId: { Length: > 0 } id }
            ? new TelegramFileReference(id, string.IsNullOrWhiteSpace(file.FileName) ? defaultName : file.FileName,
                string.IsNullOrWhiteSpace(file.MimeType) ? defaultMimeType : file.MimeType, file.FileSize)
            : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
