namespace Byoc.Emulator.Conversations;

/// <summary>
/// One outbound conversation entry that the emulated org publishes on the channel's platform event (Pub/Sub) and records
/// in the transcript. The subtypes are the entry types a BYOC-for-Messaging partner receives (interaction-service-api.md §6.4);
/// <see cref="IConversationEvents"/> turns them into the AsyncAPI <c>InteractionEvent</c> payload.
/// </summary>
internal abstract record ConversationEvent(ConversationAddress Address, EventSender Sender);

/// <summary>A plain text message (<c>StaticContentMessage</c> / <c>Text</c>), optionally with citations.</summary>
internal sealed record TextMessageEvent(
    ConversationAddress Address, EventSender Sender, string Text, string? InReplyToMessageId = null,
    IReadOnlyList<Citation>? Citations = null)
    : ConversationEvent(Address, Sender);

/// <summary>A message with attachments the end user downloads from the given URLs (<c>StaticContentMessage</c> / <c>Attachments</c>).</summary>
internal sealed record AttachmentMessageEvent(
    ConversationAddress Address, EventSender Sender, string? Text, IReadOnlyList<OutboundAttachment> Attachments)
    : ConversationEvent(Address, Sender);

/// <summary>
/// Structured choices (<c>ChoicesMessage</c> with Buttons, QuickReplies, ListPicker or TimePicker). For a TimePicker every
/// option has a <see cref="ChoiceOption.Slot"/>, <paramref name="Text"/> is the calendar event's title and
/// <paramref name="TimezoneOffset"/> its optional <c>timezoneOffset</c> (minutes east of UTC).
/// </summary>
internal sealed record ChoicesMessageEvent(
    ConversationAddress Address, EventSender Sender, ChoicesFormat Format, string Text, IReadOnlyList<ChoiceOption> Options,
    int? TimezoneOffset = null)
    : ConversationEvent(Address, Sender);

/// <summary>The sender started or stopped typing.</summary>
internal sealed record TypingEvent(ConversationAddress Address, EventSender Sender, bool Started)
    : ConversationEvent(Address, Sender);

/// <summary>An Agentforce progress indicator ("Looking up your reservation..."), at most 255 characters.</summary>
internal sealed record ProgressIndicatorEvent(ConversationAddress Address, EventSender Sender, string Text)
    : ConversationEvent(Address, Sender);

/// <summary>Participants joined or left (bot removed and rep added on escalation).</summary>
internal sealed record ParticipantChangedEvent(ConversationAddress Address, EventSender Sender, IReadOnlyList<ParticipantChange> Changes)
    : ConversationEvent(Address, Sender);

/// <summary>The MessagingSession changed status (published only where the emulated org is configured to; UNCONFIRMED for BYOC-M).</summary>
internal sealed record SessionStatusChangedEvent(
    ConversationAddress Address, EventSender Sender, string Status, string PreviousStatus, DateTimeOffset SessionStartTime,
    DateTimeOffset? SessionEndTime, string? EndedByRole)
    : ConversationEvent(Address, Sender);

/// <summary>An Omni-Channel work event (published when the channel definition supports RoutingWorkResult).</summary>
internal sealed record RoutingWorkResultEvent(
    ConversationAddress Address, EventSender Sender, string WorkType, string WorkId, string? WorkTargetId, string? QueueId,
    string? BotId, string RoutingType)
    : ConversationEvent(Address, Sender);

/// <summary>A rep received or read an end-user message (inbound receipts, when the channel enables them).</summary>
internal sealed record AcknowledgementEvent(
    ConversationAddress Address, EventSender Sender, AcknowledgementKind Kind, string AcknowledgedEntryIdentifier)
    : ConversationEvent(Address, Sender);

/// <summary>The result of uploading an end user's attachment (<c>MessageUpdated</c>).</summary>
internal sealed record AttachmentUploadedEvent(
    ConversationAddress Address, EventSender Sender, string MessageIdentifier, OutboundAttachment Attachment, string? ErrorType)
    : ConversationEvent(Address, Sender);

internal enum ChoicesFormat
{
    Buttons,
    QuickReplies,
    ListPicker,
    TimePicker,
}

internal enum AcknowledgementKind
{
    Delivered,
    Read,
}

/// <summary>
/// One option of a choices message; the end user's pick comes back with the same <paramref name="Identifier"/>. A time
/// slot option also has its <paramref name="Slot"/>; it goes out as such only in a TimePicker, else by its title.
/// </summary>
internal sealed record ChoiceOption(string Identifier, string Title, TimeSlot? Slot = null);

/// <summary>A time slot of a TimePicker: when it starts and how long it lasts (sent in whole seconds).</summary>
internal sealed record TimeSlot(DateTimeOffset StartTime, TimeSpan Duration);

/// <summary>A citation of an agent answer: the link, its label, and the span of the answer text it supports.</summary>
internal sealed record Citation(string Url, string Label, int ClaimStartOffset, int ClaimEndOffset);

/// <summary>An attachment the emulated org serves for download.</summary>
internal sealed record OutboundAttachment(string Id, string Name, string MimeType, string Url);

/// <summary>A participant joining (<c>add</c>) or leaving (<c>remove</c>) the conversation.</summary>
internal sealed record ParticipantChange(string Operation, string AppType, string Subject, string Role, string DisplayName);
