using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Messages;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>Turns canonical inbound messages into Interaction Service API requests (interaction-service-api.md §5.1, §5.3).</summary>
internal static class InteractionMapper
{
    public static InteractionRequest ToInteraction(InboundMessage message, string channelAddressIdentifier, string endUserClientIdentifier)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entryId = EntryIds.For(message.Channel, message.PlatformMessageId);
        var timestamp = message.Timestamp.ToUnixTimeMilliseconds();
        var payload = message.Kind switch
        {
            InboundKind.Text => new EntryPayload
            {
                Id = entryId,
                EntryType = "Message",
                AbstractMessage = new AbstractMessage
                {
                    MessageType = "StaticContentMessage",
                    Id = entryId,
                    InReplyToMessageId = message.InReplyToEntryIdentifier,
                    StaticContent = new StaticContent("Text", message.Text ?? string.Empty),
                },
            },
            InboundKind.ChoiceResponse => new EntryPayload
            {
                Id = entryId,
                EntryType = "Message",
                AbstractMessage = new AbstractMessage
                {
                    MessageType = "ChoicesResponseMessage",
                    Id = entryId,
                    InReplyToMessageId = message.InReplyToEntryIdentifier,
                    ChoicesResponse = new ChoicesResponse("Selections",
                    [
                        new SelectedOption(message.ChoiceOptionIdentifier ?? string.Empty,
                            message.Text is null ? null : new OptionTitle("TitleItem", message.Text)),
                    ]),
                },
            },
            InboundKind.TypingStarted => new EntryPayload { Id = entryId, EntryType = "TypingStartedIndicator", Timestamp = timestamp },
            InboundKind.TypingStopped => new EntryPayload { Id = entryId, EntryType = "TypingStoppedIndicator", Timestamp = timestamp },
            _ => throw new ArgumentException($"{message.Kind} is not sent as an interaction.", nameof(message)),
        };
        return Wrap(channelAddressIdentifier, endUserClientIdentifier, timestamp, payload);
    }

    /// <summary>An <c>AttachmentInteraction</c> (§5.1 d): the file goes in the <c>attachments</c> part, index 0, with its exact length.</summary>
    public static InteractionRequest ToAttachment(InboundMessage message, string channelAddressIdentifier, string endUserClientIdentifier)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachment = message.Attachment ?? throw new ArgumentException("An attachment message carries its file.", nameof(message));
        return new InteractionRequest
        {
            To = channelAddressIdentifier,
            From = endUserClientIdentifier,
            Interactions =
            [
                new Interaction
                {
                    Timestamp = message.Timestamp.ToUnixTimeMilliseconds(),
                    InteractionType = "AttachmentInteraction",
                    Id = EntryIds.For(message.Channel, message.PlatformMessageId),
                    AttachmentIndex = 0,
                    ContentLength = attachment.Length,
                    Text = message.Text,
                },
            ],
        };
    }

    public static InteractionRequest ToDeliveryFailed(InboundMessage status, string channelAddressIdentifier, string endUserClientIdentifier)
    {
        ArgumentNullException.ThrowIfNull(status);
        var payload = new EntryPayload
        {
            Id = EntryIds.For(status.Channel, status.PlatformMessageId),
            EntryType = "MessageDeliveryFailed",
            FailedConversationEntryIdentifier = status.StatusOfEntryIdentifier,
            Recipient = Participant.EndUser(endUserClientIdentifier),
            ErrorCode = "DeliveryFailed",
            ErrorMessage = Truncate(status.StatusError, 255),
        };
        return Wrap(channelAddressIdentifier, endUserClientIdentifier, status.Timestamp.ToUnixTimeMilliseconds(), payload);
    }

    public static AcknowledgementRequest ToAcknowledgement(InboundMessage status, string conversationIdentifier, string endUserClientIdentifier)
    {
        ArgumentNullException.ThrowIfNull(status);
        var type = status.Status == DeliveryStatus.Read ? "Read" : "Delivered";
        return new AcknowledgementRequest(
            Participant.EndUser(endUserClientIdentifier),
            conversationIdentifier,
            [
                new Acknowledgement(
                    status.Timestamp.ToUnixTimeMilliseconds(),
                    type,
                    status.StatusOfEntryIdentifier!,
                    EntryIds.For(status.Channel, status.PlatformMessageId)),
            ]);
    }

    private static InteractionRequest Wrap(string to, string from, long timestamp, EntryPayload payload) => new()
    {
        To = to,
        From = from,
        Interactions = [new Interaction { Timestamp = timestamp, InteractionType = "EntryInteraction", Payload = payload }],
    };

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
