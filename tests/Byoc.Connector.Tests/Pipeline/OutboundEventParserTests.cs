using Byoc.Connector.Pipeline;
using Byoc.Core.Messages;

namespace Byoc.Connector.Tests.Pipeline;

public sealed class OutboundEventParserTests
{
    [Fact]
    public void Parse_TextMessage_ReadsTheWrappedEntry()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"Hi, how are you?"}}}"""),
            out _);

        Assert.NotNull(entry);
        Assert.Equal(("conv-1", "addr-1", "web:u1", "e1", OutboundKind.Text, "Hi, how are you?", "John Doe"),
            (entry.ConversationIdentifier, entry.ChannelAddressIdentifier, entry.RecipientSubject, entry.Identifier, entry.Kind, entry.Text,
                entry.SenderDisplayName));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1690679468868), entry.Timestamp);
    }

    [Fact]
    public void Parse_Attachments_FallsBackToTextAndUrls()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Attachments","text":"did you get my file","attachments":[{"name":"a.png","id":"x","mimeType":"image/png","url":"https://files.example.com/a.png"}]}}}"""),
            out _);

        Assert.Equal("did you get my file\nhttps://files.example.com/a.png", entry?.Text);
    }

    [Fact]
    public void Parse_ProgressIndicator_ReadsProgressText()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("ProgressIndicator",
            """{"entryType":"ProgressIndicator","progressIndicator":{"indicatorType":"ProgressUpdateIndicator","progressMessage":{"formatType":"Text","text":"Checking availability"}}}"""),
            out _);

        Assert.Equal((OutboundKind.Progress, "Checking availability"), (entry?.Kind, entry?.Text));
    }

    [Theory]
    [InlineData("RoutingRequested", "Message", "Agent", "event type")]
    [InlineData("Interaction", "ParticipantChanged", "Agent", "not shown to end users")]
    [InlineData("Interaction", "Message", "EndUser", "sent by the end user")]
    public void Parse_NotForTheEndUser_ReturnsNullWithReason(string eventType, string entryType, string senderRole, string reason)
    {
        var entry = OutboundEventParser.Parse(eventType, Payload(entryType,
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"x"}}}""",
            senderRole), out var why);

        Assert.Null(entry);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("""{"conversationIdentifier":"c"}""")]
    public void Parse_BrokenPayload_ReturnsNull(string? payload)
    {
        Assert.Null(OutboundEventParser.Parse("Interaction", payload, out var reason));
        Assert.NotEmpty(reason);
    }

    private static string Payload(string entryType, string entryPayload, string senderRole = "Agent") => $$$"""
        {"conversationIdentifier":"conv-1","channelAddressIdentifier":"addr-1",
         "recipient":{"appType":"custom","subject":"web:u1","role":"EndUser"},
         "payload":{"senderDisplayName":"John Doe","identifier":"e1","entryType":"{{{entryType}}}","entryPayload":{{{entryPayload}}},
           "sender":{"appType":"agent","subject":"005xx0000012345","role":"{{{senderRole}}}"},
           "transcriptedTimestamp":1690679469883,"clientTimestamp":1690679468868,"clientDuration":0}}
        """;
}
