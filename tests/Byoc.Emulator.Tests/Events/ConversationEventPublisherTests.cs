using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Events;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Tests.PubSub;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Emulator.Tests.Events;

public sealed class ConversationEventPublisherTests
{
    private const string Topic = "/event/Byoc_Interaction__e";

    public static TheoryData<string> EventKinds => new(
        "text", "text-citations", "attachments", "buttons", "quick-replies", "list-picker", "time-picker",
        "time-picker-offset", "typing-started", "typing-stopped",
        "progress", "participant-changed", "session-status", "routing-work-result", "delivered", "read", "attachment-uploaded",
        "attachment-upload-failed");

    [Theory]
    [MemberData(nameof(EventKinds))]
    [Trait("Category", "Contract")]
    public async Task PublishAsync_EveryEventKind_PayloadMatchesAsyncApiContract(string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var address = await PubSubServiceTests.ConversationAsync(emulator);

        await emulator.Get<IConversationEvents>().PublishAsync(Create(kind, address), TestContext.Current.CancellationToken);

        var payload = LastPayload(emulator);
        ContractValidator.Outbound.AssertValid(payload, "InteractionEvent");
        ContractValidator.Outbound.AssertValid(payload["payload"], "ConversationEntry");
    }

    [Theory]
    [MemberData(nameof(EventKinds))]
    public async Task PublishAsync_EveryEventKind_AddressedToTheEndUserAndTranscriptRecorded(string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var address = await PubSubServiceTests.ConversationAsync(emulator);
        var conversationEvent = Create(kind, address);

        var identifier = await emulator.Get<IConversationEvents>().PublishAsync(conversationEvent, TestContext.Current.CancellationToken);

        var payload = LastPayload(emulator);
        Assert.Equal(identifier, payload["payload"]!["identifier"]!.GetValue<string>());
        Assert.Equal(identifier, payload["payload"]!["entryPayload"]!["id"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["appType"] = "custom", ["subject"] = "user-1", ["role"] = "EndUser" }.ToJsonString(),
            payload["recipient"]!.ToJsonString());
        Assert.Equal(conversationEvent.Sender.Role, payload["payload"]!["sender"]!["role"]!.GetValue<string>());
        Assert.Equal(conversationEvent.Sender.DisplayName, payload["payload"]!["senderDisplayName"]!.GetValue<string>());
        var entry = Assert.Single(emulator.Get<OrgStore>().Lookup("ConversationEntry", "MessageIdentifier", identifier));
        Assert.Equal(address.MessagingSessionId, entry.GetString("ConversationId"));
    }

    [Fact]
    public async Task PublishAsync_Text_WireShapeAsDocumented()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var address = await PubSubServiceTests.ConversationAsync(emulator);

        await emulator.Get<IConversationEvents>().PublishAsync(
            new TextMessageEvent(address, EventSender.Rep("005000000000001", "Alex Rivera"), "Hi, how are you?"), TestContext.Current.CancellationToken);

        var payload = LastPayload(emulator)["payload"]!;
        Assert.Equal("Message", payload["entryType"]!.GetValue<string>());
        Assert.Equal("StaticContentMessage", payload["entryPayload"]!["abstractMessage"]!["messageType"]!.GetValue<string>());
        Assert.Equal("Text", payload["entryPayload"]!["abstractMessage"]!["staticContent"]!["formatType"]!.GetValue<string>());
        Assert.Equal("Hi, how are you?", payload["entryPayload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
        Assert.Equal("agent", payload["sender"]!["appType"]!.GetValue<string>());
        Assert.Equal(emulator.Time.GetUtcNow().ToUnixTimeMilliseconds(), payload["transcriptedTimestamp"]!.GetValue<long>());
    }

    [Fact]
    public async Task PublishAsync_NonAsciiAndHtmlText_PayloadWrittenWithOnlyTheEscapesJsonRequires()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var address = await PubSubServiceTests.ConversationAsync(emulator);
        const string Text = "Caf\u00e9 <b>&</b> 'd\u00e9j\u00e0' \U0001F600 \u4e2d\u6587 \u2028 \"quoted\" back\\slash\nline\u0001";

        await emulator.Get<IConversationEvents>().PublishAsync(
            new TextMessageEvent(address, EventSender.Rep("005000000000001", "Ren\u00e9e"), Text), TestContext.Current.CancellationToken);

        var raw = LastPayloadText(emulator);
        Assert.Contains("\"text\":\"Caf\u00e9 <b>&</b> 'd\u00e9j\u00e0' \U0001F600 \u4e2d\u6587 \u2028 \\\"quoted\\\" back\\\\slash\\nline\\u0001\"", raw,
            StringComparison.Ordinal);
        Assert.Contains("\"senderDisplayName\":\"Ren\u00e9e\"", raw, StringComparison.Ordinal);
        Assert.Equal(Text, JsonNode.Parse(raw)!["payload"]!["entryPayload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublishAsync_TimePicker_CalendarEventWithTimeSlotsAsContract()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var address = await PubSubServiceTests.ConversationAsync(emulator);
        var slot = new TimeSlot(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(90));

        var identifier = await emulator.Get<IConversationEvents>().PublishAsync(new ChoicesMessageEvent(address,
            EventSender.Agentforce("0Xx000000000001", "Reservation Agent"), ChoicesFormat.TimePicker, "Free tables", [new("slot-2000", "20:00", slot)],
            TimezoneOffset: 60), TestContext.Current.CancellationToken);

        var choices = LastPayload(emulator)["payload"]!["entryPayload"]!["abstractMessage"]!["choices"]!;
        Assert.Equal(new JsonObject
        {
            ["formatType"] = "TimePicker",
            ["calendarEvent"] = new JsonObject
            {
                ["itemType"] = "CalendarEventOptionsItem",
                ["identifier"] = identifier,
                ["title"] = "Free tables",
                ["timezoneOffset"] = 60,
                ["timeSlotOptionItems"] = new JsonArray(new JsonObject
                {
                    ["itemType"] = "TimeSlotOptionItem",
                    ["optionIdentifier"] = "slot-2000",
                    ["startTime"] = "2026-11-24T19:00:00Z",
                    ["duration"] = 5400,
                }),
            },
        }.ToJsonString(), choices.ToJsonString());
    }

    private static string LastPayloadText(TestEmulator emulator)
    {
        var bus = emulator.Get<EventBus>();
        var stored = bus.ReadAfter(Topic, 0, 1000)[^1];
        var record = PubSubTestClient.Decode(bus.FindSchema(stored.SchemaId)!.Avro, new PubSub.Client.ConsumerEvent
        {
            Event = new PubSub.Client.ProducerEvent { Payload = Google.Protobuf.ByteString.CopyFrom(stored.Payload) },
        });
        return (string)record["Payload__c"];
    }

    private static JsonObject LastPayload(TestEmulator emulator)
    {
        var bus = emulator.Get<EventBus>();
        var stored = bus.ReadAfter(Topic, 0, 1000)[^1];
        var schema = bus.FindSchema(stored.SchemaId)!;
        return PubSubTestClient.DecodePayload(schema.Avro, new PubSub.Client.ConsumerEvent
        {
            Event = new PubSub.Client.ProducerEvent { Payload = Google.Protobuf.ByteString.CopyFrom(stored.Payload) },
        });
    }

    private static ConversationEvent Create(string kind, ConversationAddress address)
    {
        var rep = EventSender.Rep("005000000000001", "Alex Rivera");
        var agent = EventSender.Agentforce("0Xx000000000001", "Reservation Agent");
        var attachment = new OutboundAttachment(Guid.NewGuid().ToString(), "menu.pdf", "application/pdf", "http://127.0.0.1/sfc/dist/version/download/?ids=1");
        ChoiceOption[] options = [new("opt-1", "Today"), new("opt-2", "Tomorrow")];
        ChoiceOption[] slots =
        [
            new("slot-1900", "19:00", new TimeSlot(new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(90))),
            new("slot-1930", "19:30", new TimeSlot(new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(90))),
        ];
        return kind switch
        {
            "text" => new TextMessageEvent(address, agent, "Hello"),
            "text-citations" => new TextMessageEvent(address, agent, "We open at 9.", Citations: [new Citation("https://example.com/hours", "Hours", 0, 13)]),
            "attachments" => new AttachmentMessageEvent(address, rep, "Here is the menu", [attachment]),
            "buttons" => new ChoicesMessageEvent(address, agent, ChoicesFormat.Buttons, "When?", options),
            "quick-replies" => new ChoicesMessageEvent(address, agent, ChoicesFormat.QuickReplies, "When?", options),
            "list-picker" => new ChoicesMessageEvent(address, agent, ChoicesFormat.ListPicker, "When?", options),
            "time-picker" => new ChoicesMessageEvent(address, agent, ChoicesFormat.TimePicker, "Free tables tonight", slots),
            "time-picker-offset" => new ChoicesMessageEvent(address, agent, ChoicesFormat.TimePicker, "Free tables tonight", slots, TimezoneOffset: 60),
            "typing-started" => new TypingEvent(address, rep, true),
            "typing-stopped" => new TypingEvent(address, rep, false),
            "progress" => new ProgressIndicatorEvent(address, agent, "Looking up your reservation..."),
            "participant-changed" => new ParticipantChangedEvent(address, EventSender.System(),
                [new ParticipantChange("remove", "chatbot", "0Xx000000000001", "Chatbot", "Reservation Agent"),
                 new ParticipantChange("add", "agent", "005000000000001", "Agent", "Alex Rivera")]),
            "session-status" => new SessionStatusChangedEvent(address, EventSender.System(), "Ended", "Active",
                DateTimeOffset.FromUnixTimeMilliseconds(1718000000000), DateTimeOffset.FromUnixTimeMilliseconds(1718000600000), "Agent"),
            "routing-work-result" => new RoutingWorkResultEvent(address, EventSender.System(), "Assigned", "0Bz000000000001", "005000000000001",
                null, null, "Initial"),
            "delivered" => new AcknowledgementEvent(address, rep, AcknowledgementKind.Delivered, Guid.NewGuid().ToString()),
            "read" => new AcknowledgementEvent(address, rep, AcknowledgementKind.Read, Guid.NewGuid().ToString()),
            "attachment-uploaded" => new AttachmentUploadedEvent(address, EventSender.System(), Guid.NewGuid().ToString(), attachment, null),
            "attachment-upload-failed" => new AttachmentUploadedEvent(address, EventSender.System(), Guid.NewGuid().ToString(), attachment, "AttachmentTooLarge"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
