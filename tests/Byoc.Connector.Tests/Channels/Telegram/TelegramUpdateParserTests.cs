using System.Text;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;

namespace Byoc.Connector.Tests.Channels.Telegram;

public sealed class TelegramUpdateParserTests
{
    private const string Secret = "s3cret_token-1";
    private readonly TelegramUpdateParser _parser = new(Secret, allowGroups: false);

    [Fact]
    public void Parse_TextInPrivateChat_KeysOnChatAndMessageId()
    {
        var update = Parse("""{"update_id":9,"message":{"message_id":17,"date":1700000000,"from":{"id":42,"is_bot":false,"first_name":"Ada"},"chat":{"id":42,"type":"private"},"text":"Hello"}}""");

        Assert.Equal(TelegramInboundKind.Text, update.Kind);
        Assert.Equal(("42", "message:42:17", "Hello"), (update.ChatId, update.PlatformMessageId, update.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), update.Timestamp);
    }

    [Fact]
    public void Parse_Photo_TakesLargestSizeWithCaption()
    {
        var update = Parse("""
            {"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},"caption":"my receipt","photo":[
              {"file_id":"small","width":90,"height":60,"file_size":900},
              {"file_id":"large","width":1280,"height":853,"file_size":90000},
              {"file_id":"medium","width":320,"height":213,"file_size":9000}]}}
            """);

        Assert.Equal(TelegramInboundKind.File, update.Kind);
        Assert.Equal(new TelegramFileReference("large", "photo.jpg", "image/jpeg", 90000), update.File);
        Assert.Equal("my receipt", update.Text);
    }

    [Fact]
    public void Parse_Document_KeepsNameTypeAndSize()
    {
        var update = Parse("""{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},"document":{"file_id":"d1","file_name":"menu.pdf","mime_type":"application/pdf","file_size":1234}}}""");

        Assert.Equal(new TelegramFileReference("d1", "menu.pdf", "application/pdf", 1234), update.File);
        Assert.Null(update.Text);
    }

    [Fact]
    public void Parse_Voice_ImpliesNameAndType()
    {
        var update = Parse("""{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},"voice":{"file_id":"v1","duration":3}}}""");

        Assert.Equal(new TelegramFileReference("v1", "voice.ogg", "audio/ogg", null), update.File);
    }

    [Fact]
    public void Parse_CallbackQuery_IsTapKeyedOnQueryId()
    {
        var update = Parse("""{"update_id":3,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":42,"is_bot":false,"first_name":"Ada"},"message":{"message_id":8,"date":1,"chat":{"id":42,"type":"private"},"text":"Pick"},"chat_instance":"1","data":"abc:1"}}""");

        Assert.Equal(TelegramInboundKind.Tap, update.Kind);
        Assert.Equal(("42", "callback:4382bfdwdsb323b2d9", "4382bfdwdsb323b2d9", "abc:1"),
            (update.ChatId, update.PlatformMessageId, update.CallbackQueryId, update.CallbackData));
    }

    [Theory]
    [InlineData("""{"update_id":1,"edited_message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},"text":"x"}}""", "'edited_message'")]
    [InlineData("""{"update_id":1,"my_chat_member":{"chat":{"id":5,"type":"private"}}}""", "'my_chat_member'")]
    [InlineData("""{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":-100,"type":"supergroup"},"text":"x"}}""", "group chat")]
    [InlineData("""{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},"sticker":{"file_id":"s"}}}""", "neither text nor a file")]
    [InlineData("""{"update_id":1,"message":{"message_id":2,"date":1,"from":{"id":7,"is_bot":true},"chat":{"id":5,"type":"private"},"text":"x"}}""", "from a bot")]
    public void Parse_UpdateTheChannelDoesNotForward_IsIgnoredWithReason(string json, string reason)
    {
        var update = Parse(json);

        Assert.Equal(TelegramInboundKind.Ignored, update.Kind);
        Assert.Contains(reason, update.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GroupMessageWhenGroupsAllowed_IsForwardedAsTheGroup()
    {
        var update = new TelegramUpdateParser(Secret, allowGroups: true).Parse(Request("""{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":-100,"type":"group"},"text":"x"}}"""), out _);

        Assert.Equal((TelegramInboundKind.Text, "-100"), (update!.Kind, update.ChatId));
    }

    [Theory]
    [InlineData(null, 401, "header is missing")]
    [InlineData("wrong", 401, "does not match")]
    [InlineData(Secret + "x", 401, "does not match")]
    public void Parse_MissingOrWrongSecret_IsUnauthenticated(string? secret, int status, string detail)
    {
        var update = _parser.Parse(Request("""{"update_id":1}""", secret), out var refusal);

        Assert.Null(update);
        Assert.Equal(status, refusal!.Refusal!.StatusCode);
        Assert.Contains(detail, refusal.Refusal.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"update_id\":", "not a Telegram update")]
    [InlineData("[1,2]", "not a Telegram update")]
    [InlineData("null", "must be a JSON object")]
    [InlineData("""{"message":{"message_id":1,"chat":{"id":1,"type":"private"},"text":"x"}}""", "no 'update_id'")]
    [InlineData("""{"update_id":1,"message":{"chat":{"id":1,"type":"private"},"text":"x"}}""", "needs 'message_id' and 'chat.id'")]
    [InlineData("""{"update_id":1,"callback_query":{"data":"x","message":{"message_id":1,"chat":{"id":1}}}}""", "needs 'id'")]
    public void Parse_AuthenticButNotAnUpdate_IsMalformed(string json, string detail)
    {
        var update = _parser.Parse(Request(json), out var refusal);

        Assert.Null(update);
        Assert.Equal(400, refusal!.Refusal!.StatusCode);
        Assert.Contains(detail, refusal.Refusal.Detail, StringComparison.Ordinal);
    }

    private TelegramInbound Parse(string json)
    {
        var update = _parser.Parse(Request(json), out var refusal);
        Assert.Null(refusal);
        return update!;
    }

    private static InboundRequest Request(string json, string? secret = Secret) => new()
    {
        Channel = "telegram",
        Body = Encoding.UTF8.GetBytes(json),
        ContentType = "application/json",
        Headers = secret is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [TelegramSecrets.SecretTokenHeader] = secret },
    };
}
