using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Interactions;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Events;

/// <summary>
/// The emulated org's outbound path: records each entry in the transcript (ConversationEntry), wraps it in the AsyncAPI
/// <c>InteractionEvent</c> (with the <c>payload</c> wrapper, §6.3), and publishes it, Avro-encoded, on the platform event named by
/// the channel's conversation channel definition (EventType <c>Interaction</c>).
/// </summary>
internal sealed partial class ConversationEventPublisher(
    OrgStore store, EventBus bus, TimeProvider timeProvider, IEnumerable<IPublishedTextObserver> observers, ILogger<ConversationEventPublisher> logger)
    : IConversationEvents
{
    private readonly Lock _lock = new();
    private readonly IPublishedTextObserver[] _observers = [.. observers];

    public ValueTask<string> PublishAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        var identifier = Guid.NewGuid().ToString();
        // One publication at a time keeps transcript order and replay order the same.
        lock (_lock)
        {
            var address = conversationEvent.Address;
            var channel = store.Get(address.MessagingChannelId)
                ?? throw new InvalidOperationException($"No MessagingChannel {address.MessagingChannelId}.");
            var definition = channel.GetString("ChannelDefinitionId") is { } definitionId ? store.Get(definitionId) : null;
            var eventName = definition?.GetString("CustomPlatformEvent")
                ?? throw new InvalidOperationException($"MessagingChannel {channel.Id} has no conversation channel definition with a platform event.");
            var topic = bus.FindTopic("/event/" + eventName)
                ?? throw new InvalidOperationException($"The platform event {eventName} does not exist.");

            var now = timeProvider.GetUtcNow();
            var timestamp = now.ToUnixTimeMilliseconds();
            RecordTranscript(conversationEvent, identifier, now);
            var sender = conversationEvent.Sender;
            var interactionEvent = new JsonObject
            {
                ["conversationIdentifier"] = address.ConversationIdentifier,
                ["channelAddressIdentifier"] = address.ChannelAddressIdentifier,
                ["recipient"] = EntryPayloads.EndUser(address),
                ["payload"] = new JsonObject
                {
                    ["senderDisplayName"] = sender.DisplayName,
                    ["identifier"] = identifier,
                    ["entryType"] = EntryPayloads.WireEntryType(conversationEvent),
                    ["entryPayload"] = EntryPayloads.Build(conversationEvent, identifier, timestamp),
                    ["sender"] = EntryPayloads.Participant(sender.AppType, sender.Subject, sender.Role),
                    ["transcriptedTimestamp"] = timestamp,
                    ["clientTimestamp"] = timestamp,
                    ["clientDuration"] = 0,
                },
            };

            var values = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["CreatedDate"] = timestamp,
                ["CreatedById"] = store.DefaultActorId ?? string.Empty,
            };
            if (definition.GetString("CustomEventTypeField") is { } typeField)
            {
                values[typeField] = "Interaction";
            }

            if (definition.GetString("CustomEventPayloadField") is { } payloadField)
            {
                values[payloadField] = EventPayloadJson.Write(interactionEvent);
            }

            var stored = bus.Append(topic.TopicName, Guid.NewGuid().ToString(), topic.SchemaId, AvroEncoder.Encode(topic, values));
            var entryType = interactionEvent["payload"]!["entryType"]!.GetValue<string>();
            Log.Published(logger, entryType, identifier, topic.TopicName, stored.ReplayId);
        }

        if (conversationEvent is TextMessageEvent text)
        {
            foreach (var observer in _observers)
            {
                observer.OnTextPublished(text.Text, identifier);
            }
        }

        return ValueTask.FromResult(identifier);
    }

    private void RecordTranscript(ConversationEvent conversationEvent, string identifier, DateTimeOffset now)
    {
        var sender = conversationEvent.Sender;
        var sessionId = conversationEvent.Address.MessagingSessionId;
        var isMessage = EntryPayloads.WireEntryType(conversationEvent) == "Message";
        store.Write(writer =>
        {
            var seq = writer.Lookup("ConversationEntry", "ConversationId", SalesforceId.To18(sessionId)).Count + 1;
            writer.Insert("ConversationEntry", new Dictionary<string, object?>
            {
                ["ConversationId"] = sessionId,
                ["ActorType"] = sender.Role switch
                {
                    "Agent" or "Supervisor" => "Agent",
                    "Chatbot" => "Bot",
                    "EndUser" => "EndUser",
                    _ => "System",
                },
                ["ActorName"] = sender.DisplayName,
                ["ActorId"] = ActorId(sender.Subject),
                ["Message"] = EntryPayloads.TranscriptText(conversationEvent),
                ["EntryType"] = EntryPayloads.TranscriptEntryType(conversationEvent),
                ["EntryTime"] = now,
                ["EntryTimeMilliSecs"] = (double)now.ToUnixTimeMilliseconds(),
                ["Seq"] = (long)seq,
                ["MessageStatus"] = isMessage ? "Sent" : null,
                ["MessageIdentifier"] = identifier,
                ["HasAttachments"] = conversationEvent is AttachmentMessageEvent,
                ["ServerReceivedTimestamp"] = now,
                ["ClientTimestamp"] = now,
            });
            if (isMessage && sender.Role != "EndUser")
            {
                PendingEntries.MarkAnswered(writer); // same write as the transcript entry: recovery sees exactly what was sent
            }
        });
    }

    private static string? ActorId(string subject) =>
        SalesforceId.TryNormalize(subject, out var id) && SalesforceId.KeyPrefixOf(id) is KeyPrefixes.User or KeyPrefixes.BotDefinition
            ? id
            : null;
}
