using System.Text.Json.Nodes;

namespace Byoc.Emulator.Interactions;

/// <summary>One validated interaction of a <c>POST /api/v1/interactions</c> request.</summary>
/// <param name="Envelope">The channel address, the end user and the interaction's timestamp.</param>
/// <param name="EntryType">Message, TypingStartedIndicator, TypingStoppedIndicator, MessageDeliveryFailed or AttachmentInteraction.</param>
/// <param name="Id">The entry id (<c>payload.id</c>) or the attachment interaction's <c>id</c>.</param>
/// <param name="Text">Text of a message, the picked option's title, or the attachment caption.</param>
/// <param name="TranscriptEntryType">ConversationEntry.EntryType of the transcript row; null when nothing is recorded (typing).</param>
/// <param name="Payload">The entry payload (or the attachment interaction) as received.</param>
internal sealed record ParsedInteraction(
    InteractionEnvelope Envelope,
    string EntryType,
    string Id,
    string? Text,
    string? TranscriptEntryType,
    JsonObject Payload)
{
    /// <summary>The channel address identifier.</summary>
    public string To => Envelope.To;

    /// <summary>The end-user client identifier.</summary>
    public string From => Envelope.From;

    /// <summary>The interaction's epoch-millisecond timestamp.</summary>
    public long Timestamp => Envelope.Timestamp;

    /// <summary>For MessageDeliveryFailed: the entry that could not be delivered.</summary>
    public string? FailedEntryIdentifier { get; init; }

    /// <summary>For attachments: the uploaded file.</summary>
    public IFormFile? File { get; init; }

    /// <summary>For attachments: the file's MIME type.</summary>
    public string? MimeType { get; init; }
}
