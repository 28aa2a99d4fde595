using System.Text;
using Byoc.Connector.Channels.WebChat;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatRequestParserTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly WebChatSessionTokens _tokens;

    public WebChatRequestParserTests()
    {
        _tokens = new WebChatSessionTokens("chat", Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef"), TimeSpan.FromHours(1), _time);
    }

    private WebChatRequestParser CreateSut() => new(_tokens, _time);

    private InboundResult Parse(string json, string? token = null, bool noToken = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!noToken)
        {
            headers["Authorization"] = "Bearer " + (token ?? _tokens.Issue("visitor-1").Token);
        }

        return CreateSut().Parse(new InboundRequest { Channel = "chat", Headers = headers, Body = Encoding.UTF8.GetBytes(json) });
    }

    [Fact]
    public void Parse_Message_ScopesIdToVisitor()
    {
        var result = Parse("""{"type":"message","id":"m-1","text":"Hello"}""");

        Assert.Equal(InboundResultKind.Ingest, result.Kind);
        var message = Assert.Single(result.Messages);
        Assert.Equal(("chat", "visitor-1:m-1", "visitor-1", InboundKind.Text, "Hello", _time.GetUtcNow()),
            (message.Channel, message.PlatformMessageId, message.PlatformUserId, message.Kind, message.Text, message.Timestamp));
        Assert.Equal("m-1", WebChatInboundAdapter.PageId(message));
    }

    [Theory]
    [InlineData("typing.started", "TypingStarted")]
    [InlineData("typing.stopped", "TypingStopped")]
    public void Parse_Typing_MapsKind(string type, string expected)
    {
        var kind = Enum.Parse<InboundKind>(expected);
        var result = Parse($$"""{"type":"{{type}}","id":"t-1"}""");

        Assert.Equal(kind, Assert.Single(result.Messages).Kind);
    }

    [Theory]
    [InlineData("delivered", "Delivered")]
    [InlineData("read", "Read")]
    public void Parse_Receipt_MapsStatusOfEntry(string status, string expectedName)
    {
        var expected = Enum.Parse<DeliveryStatus>(expectedName);
        var result = Parse($$"""{"type":"status","id":"r-1","entryId":"entry-9","status":"{{status}}"}""");

        var message = Assert.Single(result.Messages);
        Assert.Equal((InboundKind.Status, expected, "entry-9"), (message.Kind, message.Status, message.StatusOfEntryIdentifier));
    }

    [Fact]
    public void Parse_Choice_CarriesOptionTitleAndAnsweredEntry()
    {
        var result = Parse("""{"type":"choice","id":"c-1","optionId":"opt-2","entryId":"entry-7","text":"Tomorrow"}""");

        var message = Assert.Single(result.Messages);
        Assert.Equal((InboundKind.ChoiceResponse, "opt-2", "entry-7", "Tomorrow"),
            (message.Kind, message.ChoiceOptionIdentifier, message.InReplyToEntryIdentifier, message.Text));
    }

    [Fact]
    public void Parse_NoToken_IsUnauthenticated()
    {
        var result = Parse("""{"type":"message","id":"m-1","text":"Hello"}""", noToken: true);

        Assert.Equal(InboundRefusalKind.Unauthenticated, result.Refusal?.Kind);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Parse_ExpiredToken_IsUnauthenticatedBeforeTheBodyIsRead()
    {
        var token = _tokens.Issue("visitor-1").Token;
        _time.Advance(TimeSpan.FromHours(2));

        var result = Parse("not json at all", token);

        Assert.Equal(InboundRefusalKind.Unauthenticated, result.Refusal?.Kind);
        Assert.Equal("The session token has expired.", result.Refusal?.Detail);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("""{"type":"message","text":"hi"}""", "'id' is required")]
    [InlineData("""{"type":"message","id":"has space","text":"hi"}""", "'id' is required")]
    [InlineData("""{"type":"message","id":"m-1"}""", "text")]
    [InlineData("""{"type":"shout","id":"m-1"}""", "Unknown type 'shout'")]
    [InlineData("""{"type":"status","id":"r-1","entryId":"e","status":"failed"}""", "Unknown status 'failed'")]
    [InlineData("""{"type":"status","id":"r-1","status":"read"}""", "entryId")]
    [InlineData("""{"type":"choice","id":"c-1","text":"x"}""", "optionId")]
    public void Parse_BadBody_IsMalformed(string json, string error)
    {
        var result = Parse(json);

        Assert.Equal(InboundRefusalKind.Malformed, result.Refusal?.Kind);
        Assert.Contains(error, result.Refusal?.Detail, StringComparison.Ordinal);
    }
}
