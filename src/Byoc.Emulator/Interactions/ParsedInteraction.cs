using System.Text.Json.Nodes;

namespace Byoc.Emulator.Interactions;

/// <summary>One validated interaction of a <c>POST /api/v1/interactions</c> request.</summary>
/// <param name="To">The channel address identifier.</param>
/// <param name="From">The end-user client identifier.</param>
/// <param name="EntryType">Message, TypingStartedIndicator, TypingStoppedIndicator, MessageDeliveryFailed or AttachmentInteraction.</param>
/// <param name="Id">The entry id (<c>payload.id</c>) or the attachment interaction's <c>id</c>.</param>
/// <param name="Text">Text of a message, the picked option's title, or the attachment caption.</param>
/// <param name="TranscriptEntryType">ConversationEntry.EntryType of the transcript row; null when nothing is recorded (typing).</param>
/// <param name="Timestamp">The interaction's epoch-millisecond timestamp.</param>
/// <param name="Payload">The entry payload (or the attachment interaction) as received.</param>
/// <param name="FailedEntryIdentifier">For MessageDeliveryFailed: the entry that could not be delivered.</param>
/// <param name="File">For attachments: the uploaded file.</param>
/// <param name="MimeType">For attachments: the file's MIME type.</param>
internal sealed record ParsedInteraction(
    string To,
    string From,
    string EntryType,
    string Id,
    string? Text,
    string? TranscriptEntryType,
    long Timestamp,
    JsonObject Payload,
    string? FailedEntryIdentifier,
    IFormFile? File,
    string? MimeType);
