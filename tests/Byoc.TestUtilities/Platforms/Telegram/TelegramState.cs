using System.Security.Cryptography;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>Everything the fake Bot API knows: users and their chats, files, button taps and the bot's messages.
/// Callers hold <see cref="Sync"/> across a read-modify-write.</summary>
internal sealed class TelegramState(FakeTelegramOptions options)
{
    private readonly Dictionary<long, TelegramChat> _chats = [];
    private readonly Dictionary<string, TelegramStoredFile> _filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TelegramStoredFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long ChatId, DateTimeOffset At, bool Answered)> _callbackQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<(long ChatId, long MessageId), TelegramSentMessage> _botMessages = [];
    private long _nextUpdateId = options.FirstUpdateId;
    private long _nextUserId = 500_000_001;
    private int _fileCount;

    public Lock Sync { get; } = new();

    public TelegramWebhookRegistration? Webhook { get; set; }

    public TelegramUser AddUser(string firstName, string? username, string? languageCode, long? id)
    {
        var user = new TelegramUser(id ?? _nextUserId++, firstName, username, languageCode);
        if (!_chats.TryAdd(user.Id, new TelegramChat(user)))
        {
            throw new InvalidOperationException($"A Telegram user with id {user.Id} already exists.");
        }

        return user;
    }

    /// <summary>The chat with <paramref name="chatId"/>; a test that names an unknown id gets a new user with that id.</summary>
    public TelegramChat GetOrAddChat(long chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat : _chats[AddUser("User " + chatId, null, null, chatId).Id];

    /// <summary>Looks a Bot API <c>chat_id</c> up: a numeric id, or <c>@username</c>.</summary>
    public TelegramChat? FindChat(string? chatId)
    {
        if (chatId is null)
        {
            return null;
        }

        if (chatId.StartsWith('@'))
        {
            return _chats.Values.FirstOrDefault(chat =>
                string.Equals(chat.User.Username, chatId[1..], StringComparison.OrdinalIgnoreCase));
        }

        return long.TryParse(chatId, out var id) && _chats.TryGetValue(id, out var found) ? found : null;
    }

    public long NextUpdateId() => _nextUpdateId++;

    public static long NextMessageId(TelegramChat chat) => ++chat.LastMessageId;

    public TelegramStoredFile StoreFile(byte[] content, string? fileName, string? mimeType, string folder, string extension)
    {
        _fileCount++;
        var file = new TelegramStoredFile(
            FileId: "BQACAgIAAxkBAAI" + RandomToken(40),
            FileUniqueId: "AgAD" + RandomToken(12),
            FilePath: $"{folder}/file_{_fileCount}{extension}",
            Content: content,
            FileName: fileName,
            MimeType: mimeType);
        _filesById[file.FileId] = file;
        _filesByPath[file.FilePath] = file;
        return file;
    }

    public TelegramStoredFile? FindFile(string fileId) => _filesById.GetValueOrDefault(fileId);

    public TelegramStoredFile? FindFileByPath(string filePath) => _filesByPath.GetValueOrDefault(filePath);

    public string AddCallbackQuery(long chatId, DateTimeOffset at)
    {
        var id = RandomNumber();
        _callbackQueries[id] = (chatId, at, false);
        return id;
    }

    /// <summary>Marks a tap answered; false when it is unknown, already answered or too old, as the Bot API refuses those.</summary>
    public bool TryAnswerCallbackQuery(string id, DateTimeOffset now)
    {
        if (!_callbackQueries.TryGetValue(id, out var query) || query.Answered || now - query.At > options.CallbackQueryLifetime)
        {
            return false;
        }

        _callbackQueries[id] = query with { Answered = true };
        return true;
    }

    public void RememberBotMessage(TelegramSentMessage message) => _botMessages[(message.ChatId, message.MessageId)] = message;

    public TelegramSentMessage? FindBotMessage(long chatId, long messageId) => _botMessages.GetValueOrDefault((chatId, messageId));

    /// <summary>The bot's latest message in the chat with a callback button carrying <paramref name="callbackData"/>.</summary>
    public TelegramSentMessage? FindMessageWithButton(long chatId, string callbackData) => _botMessages.Values
        .Where(message => message.ChatId == chatId && message.AllButtons.Any(button => button.CallbackData == callbackData))
        .MaxBy(message => message.MessageId);

    private static string RandomToken(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", length);

    private static string RandomNumber() => RandomNumberGenerator.GetString("0123456789", 19).TrimStart('0') is { Length: > 0 } digits
        ? digits
        : "1";
}
