using System.Text.Json.Nodes;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Connector.Tests.Salesforce.Translation;

public sealed class OutboundEventParserTests
{
    [Fact]
    public void Parse_TextMessage_ReadsTheWrappedEntry()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"Hi, how are you?"}}}"""),
            out _);

        Assert.NotNull(entry);
        var message = entry.Message;
        Assert.Equal(("conv-1", "addr-1", "web:u1", "e1", OutboundKind.Text, "Hi, how are you?", "John Doe"),
            (message.ConversationIdentifier, entry.ChannelAddressIdentifier, entry.RecipientSubject, message.EntryIdentifier, message.Kind, message.Text,
                message.SenderDisplayName));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1690679468868), message.Timestamp);
        Assert.Equal(("web", "u1"), (entry.ForRecipient("web", "u1").Channel, entry.ForRecipient("web", "u1").PlatformUserId));
    }

    [Fact]
    public void Parse_Attachments_ReadsFilesAndCaption()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Attachments","text":"did you get my file","attachments":[{"name":"a.png","id":"x","mimeType":"image/png","url":"https://files.example.com/a.png"}]}}}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.Attachment, "did you get my file"), (entry?.Kind, entry?.Text));
        Assert.Equal([new OutboundAttachment("a.png", "image/png", "https://files.example.com/a.png")], entry!.Attachments);
    }

    [Fact]
    public void Parse_ProgressIndicator_ReadsProgressText()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("ProgressIndicator",
            """{"entryType":"ProgressIndicator","progressIndicator":{"indicatorType":"ProgressUpdateIndicator","progressMessage":{"formatType":"Text","text":"Checking availability"}}}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.Progress, "Checking availability"), (entry?.Kind, entry?.Text));
    }

    [Theory]
    [InlineData("RoutingRequested", "Message", "Agent", "event type")]
    [InlineData("Interaction", "RoutingWorkResult", "Agent", "not shown to end users")]
    [InlineData("Interaction", "Message", "EndUser", "sent by the end user")]
    public void Parse_NotForTheEndUser_ReturnsNullWithReason(string eventType, string entryType, string senderRole, string reason)
    {
        var entry = OutboundEventParser.Parse(eventType, Payload(entryType,
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"x"}}}""",
            senderRole), out var why)?.Message;

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

    [Fact]
    public void Parse_Choices_ReadsFormatPromptAndOptions()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"ChoicesMessage","id":"e1","choices":{"formatType":"ListPicker","title":"Which day?","optionItems":[{"itemType":"TitleOptionItem","optionIdentifier":"o1","titleItem":{"itemType":"TitleItem","title":"Today"}},{"itemType":"TitleOptionItem","optionIdentifier":"o2","titleItem":{"itemType":"TitleItem","title":"Tomorrow"}}]}}}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.Choices, "ListPicker", "Which day?"), (entry?.Kind, entry?.ChoicesFormat, entry?.Text));
        Assert.Equal([new ChoiceOption("o1", "Today"), new ChoiceOption("o2", "Tomorrow")], entry!.Choices);
    }

    [Theory]
    [InlineData(null, "Tue 24 Nov, 19:00 UTC", "Tue 24 Nov, 19:30 UTC")]
    [InlineData(60, "Tue 24 Nov, 20:00", "Tue 24 Nov, 20:30")]
    [InlineData(-300, "Tue 24 Nov, 14:00", "Tue 24 Nov, 14:30")]
    public void Parse_TimePicker_SlotsBecomeOptionsTitledWithTheirLocalStart(int? timezoneOffset, string first, string second)
    {
        var offset = timezoneOffset is { } minutes ? $",\"timezoneOffset\":{minutes}" : string.Empty;
        var payload = Payload("Message", """
            {"entryType":"Message","id":"e1","abstractMessage":{"messageType":"ChoicesMessage","id":"e1","choices":{"formatType":"TimePicker",
             "calendarEvent":{"itemType":"CalendarEventOptionsItem","identifier":"cal-1","title":"Free tables tonight"OFFSET,
              "timeSlotOptionItems":[
               {"itemType":"TimeSlotOptionItem","optionIdentifier":"slot-1900","startTime":"2026-11-24T19:00:00Z","duration":5400},
               {"itemType":"TimeSlotOptionItem","optionIdentifier":"slot-1930","startTime":"2026-11-24T19:30:00Z","duration":5400}]}}}}
            """.Replace("OFFSET", offset, StringComparison.Ordinal));
        ContractValidator.OutboundWhenPresent?.AssertValid(JsonNode.Parse(payload), "InteractionEvent");

        var entry = OutboundEventParser.Parse("Interaction", payload, out _)?.Message;

        Assert.Equal((OutboundKind.Choices, "TimePicker", "Free tables tonight"), (entry?.Kind, entry?.ChoicesFormat, entry?.Text));
        Assert.Equal(
            [new ChoiceOption("slot-1900", first, new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), 5400),
             new ChoiceOption("slot-1930", second, new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.Zero), 5400)],
            entry!.Choices);
    }

    [Fact]
    public void Parse_TimePickerSlotWithoutValidStart_IsLeftOut()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message", """
            {"entryType":"Message","abstractMessage":{"messageType":"ChoicesMessage","id":"e1","choices":{"formatType":"TimePicker",
             "message":{"itemType":"TitleItem","title":"Pick a time"},
             "calendarEvent":{"itemType":"CalendarEventOptionsItem","identifier":"cal-1","timeSlotOptionItems":[
               {"itemType":"TimeSlotOptionItem","optionIdentifier":"bad","startTime":"tonight","duration":5400},
               {"itemType":"TimeSlotOptionItem","optionIdentifier":"ok","startTime":"2026-11-24T20:00:00Z"}]}}}}
            """), out _)?.Message;

        Assert.Equal("Pick a time", entry?.Text);
        Assert.Equal([new ChoiceOption("ok", "Tue 24 Nov, 20:00 UTC", new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero))], entry!.Choices);
    }

    [Fact]
    public void Parse_TextWithCitations_CitationsBecomeLinks()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"Check-in is at 3 pm.","citationContent":{"citations":[{"citedReference":{"citedReferenceType":"Link","link":{"url":"https://help.example.com/checkin"},"label":"Check-in policy"},"citedDetails":{"citedDetailsType":"InlineMetadata","inlineMetadata":[]}},{"citedReference":{"citedReferenceType":"Link","link":{"url":"javascript:alert(1)"},"label":"bad"}}]}}}}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.Text, "Check-in is at 3 pm."), (entry?.Kind, entry?.Text));
        Assert.Equal([new OutboundLink("https://help.example.com/checkin", "Check-in policy")], entry!.Links);
    }

    [Theory]
    [InlineData("""{"formatType":"RichLink","linkItem":{"itemType":"TitleLinkItem","titleItem":{"itemType":"TitleItem","title":"Menu"},"url":"https://example.com/menu"}}""", "Menu")]
    [InlineData("""{"formatType":"Links","links":[{"url":"https://example.com/menu"}]}""", null)]
    [InlineData("""{"formatType":"WebView","url":"https://example.com/menu","title":"Menu","displayType":"AutoOverlay"}""", "Menu")]
    public void Parse_LinkFormats_BecomeTextWithLinks(string staticContent, string? title)
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            $$$"""{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{{{staticContent}}}}}"""), out _)?.Message;

        Assert.Equal(OutboundKind.Text, entry?.Kind);
        Assert.Equal([new OutboundLink("https://example.com/menu", title)], entry!.Links);
    }

    [Fact]
    public void Parse_Form_DowngradesToReadableText()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"FormMessage","id":"e1","form":{"formatType":"Inputs","formTitle":{"itemType":"TitleItem","title":"Your details"},"sections":[]}}}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.Text, "[The agent sent a form \"Your details\" that this chat cannot show.]"), (entry?.Kind, entry?.Text));
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("remove", false)]
    public void Parse_ParticipantChanged_NamesTheRep(string operation, bool joined)
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("ParticipantChanged",
            $$"""{"entryType":"ParticipantChanged","entries":[{"operation":"{{operation}}","participant":{"appType":"agent","subject":"005x","role":"Agent"},"displayName":"Alex Rivera"}]}"""),
            out _)?.Message;

        Assert.Equal((OutboundKind.ParticipantChanged, (bool?)joined, "Alex Rivera", "Agent"),
            (entry?.Kind, entry?.ParticipantJoined, entry?.SenderDisplayName, entry?.SenderRole));
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Chatbot")]
    public void Parse_Message_KeepsTheSendersRole(string role)
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("Message",
            """{"entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":{"formatType":"Text","text":"Hi"}}}""", role),
            out _)?.Message;

        Assert.Equal(role, entry?.SenderRole);
    }

    [Fact]
    public void Parse_ParticipantChangedOfEndUserOnly_IsIgnored()
    {
        var entry = OutboundEventParser.Parse("Interaction", Payload("ParticipantChanged",
            """{"entryType":"ParticipantChanged","entries":[{"operation":"add","participant":{"appType":"custom","subject":"web:u1","role":"EndUser"},"displayName":"Guest"}]}"""),
            out var reason)?.Message;

        Assert.Null(entry);
        Assert.Contains("no agent or rep", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ErrorAttachmentUploadResult", "AttachmentTooLarge", "We could not deliver a.png: the file is too large.")]
    [InlineData("CompletedAttachmentUploadResult", null, null)]
    public void Parse_MessageUpdatedFromEndUser_FailedUploadBecomesNotice(string resultType, string? errorType, string? notice)
    {
        var error = errorType is null ? string.Empty : $",\"errorType\":\"{errorType}\"";
        var entry = OutboundEventParser.Parse("Interaction", Payload("MessageUpdated",
            """{"entryType":"MessageUpdated","updatedMessage":{"messageType":"StaticContentMessage","id":"m1","staticContent":{"formatType":"Attachments","attachments":[{"name":"a.png","id":"x","mimeType":"image/png","url":"https://x.example.com/a","attachmentUploadResult":{"resultType":"""
                + $"\"{resultType}\"{error}" + "}}]}}}",
            senderRole: "EndUser"), out _)?.Message;

        Assert.Equal(notice, entry?.Text);
        Assert.Equal(notice is null ? null : OutboundKind.Notice, entry?.Kind);
    }

    private static string Payload(string entryType, string entryPayload, string senderRole = "Agent") => $$$"""
        {"conversationIdentifier":"conv-1","channelAddressIdentifier":"addr-1",
         "recipient":{"appType":"custom","subject":"web:u1","role":"EndUser"},
         "payload":{"senderDisplayName":"John Doe","identifier":"e1","entryType":"{{{entryType}}}","entryPayload":{{{entryPayload}}},
           "sender":{"appType":"agent","subject":"005xx0000012345","role":"{{{senderRole}}}"},
           "transcriptedTimestamp":1690679469883,"clientTimestamp":1690679468868,"clientDuration":0}}
        """;
}
