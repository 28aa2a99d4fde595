using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>Builds the Bot API's JSON objects (User, Chat, PhotoSize, Document, Message) as the reference describes them.</summary>
internal static class TelegramJson
{
    public static JsonObject User(TelegramUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        AddIfSet(json, "username", user.Username);
        AddIfSet(json, "language_code", user.LanguageCode);
        return json;
    }

    public static JsonObject Bot(FakeTelegramOptions options) => new()
    {
        ["id"] = options.BotId,
        ["is_bot"] = true,
        ["first_name"] = options.BotFirstName,
        ["username"] = options.BotUsername,
    };

    public static JsonObject Chat(TelegramChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["first_name"] = chat.User.FirstName };
        AddIfSet(json, "username", chat.User.Username);
        json["type"] = "private";
        return json;
    }

    public static JsonArray PhotoSizes(TelegramStoredFile file, int width, int height) =>
    [
        new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Content.Length,
            ["width"] = width,
            ["height"] = height,
        },
    ];

    public static JsonObject Document(TelegramStoredFile file)
    {
        var json = new JsonObject { ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId };
        AddIfSet(json, "file_name", file.FileName);
        AddIfSet(json, "mime_type", file.MimeType);
        json["file_size"] = file.Content.Length;
        return json;
    }

    public static JsonObject File(TelegramStoredFile file) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.Length,
        ["file_path"] = file.FilePath,
    };

    /// <summary>A message's common fields; the caller adds text, caption, photo, document or reply_markup.</summary>
    public static JsonObject Message(long messageId, JsonObject from, TelegramChat chat, DateTimeOffset date) => new()
    {
        ["message_id"] = messageId,
        ["from"] = from,
        ["chat"] = Chat(chat),
        ["date"] = date.ToUnixTimeSeconds(),
    };

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
