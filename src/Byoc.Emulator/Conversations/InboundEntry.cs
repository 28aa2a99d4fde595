using System.Text.Json.Nodes;

namespace Byoc.Emulator.Conversations;

/// <summary>
/// An entry the end user sent through the Interaction Service API, after it was validated and its records committed.
/// </summary>
/// <param name="Address">The conversation, with the session the entry joined (or created).</param>
/// <param name="EntryType">The wire entry type: <c>Message</c>, <c>TypingStartedIndicator</c>, <c>TypingStoppedIndicator</c>,
/// <c>MessageDeliveryFailed</c>, or <c>AttachmentInteraction</c> for an uploaded file.</param>
/// <param name="EntryIdentifier">The partner's entry id (<c>payload.id</c>, or the attachment interaction's <c>id</c>).</param>
/// <param name="Text">The text the end user wrote, or the title of the option picked; null for entries without text.</param>
/// <param name="Payload">The entry payload as received, for handlers that need more (choice ids, <c>inReplyToMessageId</c>).</param>
/// <param name="SessionCreated">True when this entry created the MessagingSession (a new or re-opened conversation).</param>
/// <param name="ReceivedAt">When the emulated org accepted it.</param>
internal sealed record InboundEntry(
    ConversationAddress Address,
    string EntryType,
    string EntryIdentifier,
    string? Text,
    JsonObject Payload,
    bool SessionCreated,
    DateTimeOffset ReceivedAt);
