using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Events;

/// <summary>
/// Builds the outbound <c>entryPayload</c> of each <see cref="ConversationEvent"/> (AsyncAPI outbound-custom-event-payload.yaml,
/// interaction-service-api.md §6.3–6.5) and names its entry type on the wire and in the transcript.
/// </summary>
internal static class EntryPayloads
{
    /// <summary>The wire entry type (<c>payload.entryType</c>).</summary>
    public static string WireEntryType(ConversationEvent conversationEvent) => conversationEvent switch
    {
        TextMessageEvent or AttachmentMessageEvent or ChoicesMessageEvent => "Message",
        TypingEvent typing => typing.Started ? "TypingStartedIndicator" : "TypingStoppedIndicator",
        ProgressIndicatorEvent => "ProgressIndicator",
        ParticipantChangedEvent => "ParticipantChanged",
        SessionStatusChangedEvent => "SessionStatusChanged",
        RoutingWorkResultEvent => "RoutingWorkResult",
        AcknowledgementEvent { Kind: AcknowledgementKind.Read } => "ReadAcknowledgement",
        AcknowledgementEvent => "DeliveryAcknowledgement",
        AttachmentUploadedEvent => "MessageUpdated",
        _ => throw new ArgumentOutOfRangeException(nameof(conversationEvent), conversationEvent.GetType().Name, "Unknown conversation event."),
    };

    /// <summary>The ConversationEntry.EntryType picklist value recorded in the transcript.</summary>
    public static string TranscriptEntryType(ConversationEvent conversationEvent) => conversationEvent switch
    {
        TextMessageEvent => "Text",
        AttachmentMessageEvent => "Attachment",
        ChoicesMessageEvent => "Choices",
        _ => WireEntryType(conversationEvent),
    };

    /// <summary>The text the transcript row shows, if any.</summary>
    public static string? TranscriptText(ConversationEvent conversationEvent) => conversationEvent switch
    {
        TextMessageEvent text => text.Text,
        AttachmentMessageEvent attachments => attachments.Text ?? string.Join(", ", attachments.Attachments.Select(a => a.Name)),
        ChoicesMessageEvent choices => choices.Text,
        ProgressIndicatorEvent progress => progress.Text,
        _ => null,
    };

    public static JsonObject Build(ConversationEvent conversationEvent, string identifier, long timestamp)
    {
        var entry = new JsonObject { ["entryType"] = WireEntryType(conversationEvent), ["id"] = identifier };
        switch (conversationEvent)
        {
            case TextMessageEvent text:
                var staticText = new JsonObject { ["formatType"] = "Text", ["text"] = text.Text };
                if (text.Citations is { Count: > 0 } citations)
                {
                    staticText["citationContent"] = Citations(citations);
                }

                entry["abstractMessage"] = Message("StaticContentMessage", identifier, text.InReplyToMessageId, "staticContent", staticText);
                break;
            case AttachmentMessageEvent attachments:
                var staticAttachments = new JsonObject
                {
                    ["formatType"] = "Attachments",
                    ["attachments"] = new JsonArray([.. attachments.Attachments.Select(a => (JsonNode)Attachment(a, null))]),
                };
                if (attachments.Text is not null)
                {
                    staticAttachments["text"] = attachments.Text;
                }

                entry["abstractMessage"] = Message("StaticContentMessage", identifier, null, "staticContent", staticAttachments);
                break;
            case ChoicesMessageEvent choices:
                entry["abstractMessage"] = Message("ChoicesMessage", identifier, null, "choices",
                    choices.Format == ChoicesFormat.TimePicker ? TimePicker(choices, identifier) : Choices(choices));
                break;
            case TypingEvent:
                entry["timestamp"] = timestamp;
                break;
            case ProgressIndicatorEvent progress:
                entry["progressIndicator"] = new JsonObject
                {
                    ["indicatorType"] = "ProgressUpdateIndicator",
                    ["timestamp"] = timestamp,
                    ["progressMessage"] = new JsonObject { ["formatType"] = "Text", ["text"] = Truncate(progress.Text, 255) },
                };
                break;
            case ParticipantChangedEvent changed:
                entry["entries"] = new JsonArray([.. changed.Changes.Select(c => (JsonNode)new JsonObject
                {
                    ["operation"] = c.Operation,
                    ["participant"] = Participant(c.AppType, c.Subject, c.Role),
                    ["displayName"] = c.DisplayName,
                })]);
                // The AsyncAPI contract lists "participant" as required on the entry itself (next to "entries"), so the first
                // change's participant is repeated there; clients reading entries[] are unaffected.
                if (changed.Changes is [var firstChange, ..])
                {
                    entry["participant"] = Participant(firstChange.AppType, firstChange.Subject, firstChange.Role);
                }

                break;
            case SessionStatusChangedEvent status:
                entry["sessionId"] = status.Address.MessagingSessionId;
                entry["conversationIdentifier"] = status.Address.ConversationIdentifier;
                entry["channelAddressIdentifier"] = status.Address.ChannelAddressIdentifier;
                entry["sessionStatus"] = status.Status;
                entry["sessionStatusPrev"] = status.PreviousStatus;
                entry["sessionStartTime"] = status.SessionStartTime.ToUnixTimeMilliseconds();
                if (status.SessionEndTime is { } ended)
                {
                    entry["sessionEndTime"] = ended.ToUnixTimeMilliseconds();
                }

                if (status.EndedByRole is not null)
                {
                    entry["sessionEndedByRole"] = status.EndedByRole;
                }

                break;
            case RoutingWorkResultEvent work:
                entry["workType"] = work.WorkType;
                entry["workId"] = work.WorkId;
                entry["routingType"] = work.RoutingType;
                AddIfNotNull(entry, "workTargetId", work.WorkTargetId);
                AddIfNotNull(entry, "queueId", work.QueueId);
                AddIfNotNull(entry, "botId", work.BotId);
                break;
            case AcknowledgementEvent acknowledgement:
                entry["recipient"] = EndUser(acknowledgement.Address);
                entry["acknowledgedConversationEntryIdentifier"] = acknowledgement.AcknowledgedEntryIdentifier;
                entry["acknowledgementTimestamp"] = timestamp;
                break;
            case AttachmentUploadedEvent uploaded:
                entry["updatedMessage"] = Message("StaticContentMessage", uploaded.MessageIdentifier, null, "staticContent", new JsonObject
                {
                    ["formatType"] = "Attachments",
                    ["attachments"] = new JsonArray(Attachment(uploaded.Attachment, UploadResult(uploaded.ErrorType))),
                });
                break;
        }

        return entry;
    }

    public static JsonObject EndUser(ConversationAddress address) => Participant("custom", address.EndUserClientIdentifier, "EndUser");

    public static JsonObject Participant(string appType, string subject, string role) =>
        new() { ["appType"] = appType, ["subject"] = subject, ["role"] = role };

    private static JsonObject Message(string messageType, string id, string? inReplyTo, string contentName, JsonObject content)
    {
        var message = new JsonObject { ["messageType"] = messageType, ["id"] = id };
        AddIfNotNull(message, "inReplyToMessageId", inReplyTo);
        message[contentName] = content;
        return message;
    }

    private static JsonObject Attachment(OutboundAttachment attachment, JsonObject? uploadResult)
    {
        var node = new JsonObject
        {
            ["id"] = attachment.Id,
            ["name"] = attachment.Name,
            ["mimeType"] = attachment.MimeType,
            ["url"] = attachment.Url,
            ["referenceId"] = attachment.Id,
        };
        if (uploadResult is not null)
        {
            node["attachmentUploadResult"] = uploadResult;
        }

        return node;
    }

    private static JsonObject UploadResult(string? errorType) => errorType is null
        ? new JsonObject { ["resultType"] = "CompletedAttachmentUploadResult" }
        : new JsonObject { ["resultType"] = "ErrorAttachmentUploadResult", ["errorType"] = errorType };

    private static JsonObject Choices(ChoicesMessageEvent choices)
    {
        var options = new JsonArray([.. choices.Options.Select(o => (JsonNode)new JsonObject
        {
            ["itemType"] = "TitleOptionItem",
            ["optionIdentifier"] = o.Identifier,
            ["titleItem"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = o.Title },
        })]);
        return choices.Format switch
        {
            ChoicesFormat.ListPicker => new JsonObject { ["formatType"] = "ListPicker", ["title"] = choices.Text, ["optionItems"] = options },
            ChoicesFormat.QuickReplies => new JsonObject { ["formatType"] = "QuickReplies", ["text"] = choices.Text, ["optionItems"] = options },
            _ => new JsonObject { ["formatType"] = "Buttons", ["text"] = choices.Text, ["optionItems"] = options },
        };
    }

    /// <summary>A <c>ChoicesTimePicker</c>: one <c>CalendarEventOptionsItem</c> with a <c>TimeSlotOptionItem</c> per option.</summary>
    private static JsonObject TimePicker(ChoicesMessageEvent choices, string identifier)
    {
        var calendarEvent = new JsonObject
        {
            ["itemType"] = "CalendarEventOptionsItem",
            ["identifier"] = identifier,
            ["title"] = choices.Text,
        };
        if (choices.TimezoneOffset is { } offset)
        {
            calendarEvent["timezoneOffset"] = offset;
        }

        calendarEvent["timeSlotOptionItems"] = new JsonArray([.. choices.Options.Select(o => (JsonNode)new JsonObject
        {
            ["itemType"] = "TimeSlotOptionItem",
            ["optionIdentifier"] = o.Identifier,
            ["startTime"] = o.Slot!.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["duration"] = (long)o.Slot.Duration.TotalSeconds,
        })]);
        return new JsonObject { ["formatType"] = "TimePicker", ["calendarEvent"] = calendarEvent };
    }

    private static JsonObject Citations(IReadOnlyList<Citation> citations) => new()
    {
        ["citations"] = new JsonArray([.. citations.Select(c => (JsonNode)new JsonObject
        {
            ["citedReference"] = new JsonObject
            {
                ["citedReferenceType"] = "Link",
                ["link"] = new JsonObject { ["url"] = c.Url },
                ["label"] = c.Label,
            },
            ["citedDetails"] = new JsonObject
            {
                ["citedDetailsType"] = "InlineMetadata",
                ["inlineMetadata"] = new JsonArray(new JsonObject
                {
                    ["claim"] = new JsonObject { ["claimStartOffset"] = c.ClaimStartOffset, ["claimEndOffset"] = c.ClaimEndOffset },
                    ["citedLocationOffset"] = c.ClaimEndOffset,
                }),
            },
        })]),
    };

    private static void AddIfNotNull(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
