using System.Globalization;
using System.Text;
using Byoc.Connector.Channels.Webhook;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Webhook;

public sealed class WebhookRequestParserTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("secret-key-for-tests");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1700000000));

    [Fact]
    public void Parse_TextMessage_ReturnsCanonicalText()
    {
        var result = Parse("""{"type":"message","id":"m1","userId":"u1","text":"Hi","inReplyTo":"e0","timestamp":"2026-01-02T03:04:05Z"}""");

        var message = Assert.Single(result.Messages);
        Assert.Equal(InboundResultKind.Ingest, result.Kind);
        Assert.Equal(("web", "m1", "u1", InboundKind.Text, "Hi", "e0"),
            (message.Channel, message.PlatformMessageId, message.PlatformUserId, message.Kind, message.Text, message.InReplyToEntryIdentifier));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), message.Timestamp);
    }

    [Theory]
    [InlineData("""{"type":"typing.started","id":"t1","userId":"u1"}""", "TypingStarted")]
    [InlineData("""{"type":"typing.stopped","id":"t2","userId":"u1"}""", "TypingStopped")]
    [InlineData("""{"type":"choice","id":"c1","userId":"u1","optionId":"opt-1","title":"Yes"}""", "ChoiceResponse")]
    public void Parse_OtherKinds_MapsKind(string body, string kind)
    {
        var message = Assert.Single(Parse(body).Messages);

        Assert.Equal(Enum.Parse<InboundKind>(kind), message.Kind);
        Assert.Equal(_time.GetUtcNow(), message.Timestamp);
    }

    [Theory]
    [InlineData("delivered", "Delivered")]
    [InlineData("read", "Read")]
    [InlineData("failed", "Failed")]
    public void Parse_Status_MapsPlatformStatus(string platform, string canonical)
    {
        var message = Assert.Single(Parse($$"""{"type":"status","id":"s1","userId":"u1","messageId":"e1","status":"{{platform}}","error":"x"}""").Messages);

        Assert.Equal((InboundKind.Status, Enum.Parse<DeliveryStatus>(canonical), "e1"), (message.Kind, message.Status!.Value, message.StatusOfEntryIdentifier));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("""{"type":"message","userId":"u1","text":"x"}""", "id")]
    [InlineData("""{"type":"message","id":"m1","text":"x"}""", "userId")]
    [InlineData("""{"type":"message","id":"m1","userId":"u1"}""", "text")]
    [InlineData("""{"type":"sticker","id":"m1","userId":"u1"}""", "Unknown type 'sticker'")]
    [InlineData("""{"type":"status","id":"s1","userId":"u1","messageId":"e1","status":"seen"}""", "Unknown status 'seen'")]
    [InlineData("""{"type":"choice","id":"c1","userId":"u1"}""", "optionId")]
    public void Parse_BadBody_IsMalformedAndNamesTheProblem(string body, string expected)
    {
        var result = Parse(body);

        Assert.Equal(InboundRefusalKind.Malformed, result.Refusal?.Kind);
        Assert.Contains(expected, result.Refusal?.Detail, StringComparison.Ordinal);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Parse_SignatureOverDifferentBytes_IsUnauthenticatedBeforeParsing()
    {
        var body = Encoding.UTF8.GetBytes("{ not json");
        var headers = Headers("other body"u8.ToArray());

        var result = new WebhookRequestParser(s_key, TimeSpan.FromMinutes(5), _time).Parse(new InboundRequest { Channel = "web", Headers = headers, Body = body });

        Assert.Equal(InboundRefusalKind.Unauthenticated, result.Refusal?.Kind);
    }

    private InboundResult Parse(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return new WebhookRequestParser(s_key, TimeSpan.FromMinutes(5), _time).Parse(new InboundRequest { Channel = "web", Headers = Headers(body), Body = body });
    }

    private Dictionary<string, string> Headers(byte[] body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = "evt",
            ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = StandardWebhookSignature.Sign(s_key, "evt", timestamp, body),
        };
    }
}
