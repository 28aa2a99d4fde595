using System.Text.Json;
using System.Text.Json.Serialization;
using Byoc.Connector.Attachments;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Maps canonical messages to stream events. Receipts of the visitor's own messages have an event shape and page
/// rendering already (<see cref="Receipt"/>); the canonical outbound model does not carry them yet.
/// </summary>
internal static class WebChatEvents
{
    /// <summary>The prefix of the visitor's own entries in the chat log.</summary>
    public const string CustomerKeyPrefix = "in:";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Tells the page to forget what it has shown: the log restarts from sequence 1.</summary>
    public static WebChatEvent Reset { get; } = new() { Type = "reset", Role = "system" };

    /// <summary>Whether the event belongs in the durable log (and replays after a reconnect).</summary>
    public static bool IsLogged(WebChatEvent e) => e.Type is not ("typing.started" or "typing.stopped" or "progress" or "reset");

    /// <summary>The event for an outbound message; <paramref name="files"/> are its downloaded attachments.</summary>
    public static WebChatEvent FromOutbound(OutboundMessage message, WebChatEndpointOptions settings, IReadOnlyList<StoredFile> files) => new()
    {
        Type = EventTypes.Outbound(message.Kind),
        Id = message.EntryIdentifier,
        Role = message.Kind is OutboundKind.ParticipantChanged or OutboundKind.Notice ? "system" : "agent",
        Sender = message.SenderDisplayName,
        Text = message.Kind == OutboundKind.ParticipantChanged
            ? ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText)
            : message.Text,
        Operation = message.ParticipantJoined switch { true => "joined", false => "left", null => null },
        Choices = message.Kind == OutboundKind.Choices ? message.Choices.Select(c => new WebChatChoice(c.Identifier, c.Title)).ToList() : null,
        Attachments = files.Count == 0 ? null : files.Select(File).ToList(),
        Links = message.Links.Count == 0 ? null : message.Links.Select(l => new WebChatLink(l.Url, l.Title)).ToList(),
        Timestamp = message.Timestamp,
    };

    /// <summary>A notice from the connector to the visitor, logged under its own key.</summary>
    public static WebChatEvent Notice(string id, string text, DateTimeOffset? timestamp) =>
        new() { Type = "notice", Id = id, Role = "system", Text = text, Timestamp = timestamp };

    public static WebChatFile File(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new WebChatFile(file.Id, file.Name, file.MimeType, file.Length);
    }

    /// <summary>The visitor's own message or choice as it is shown back (on reload and in other tabs).</summary>
    public static WebChatEvent FromCustomer(InboundMessage message) => new()
    {
        Type = "message",
        Id = CustomerKeyPrefix + WebChatInboundAdapter.PageId(message),
        Role = "customer",
        Text = message.Text,
        Attachments = message.Attachment is { } file ? [new WebChatFile(file.FileId, file.Name, file.MimeType, file.Length)] : null,
        InReplyTo = message.InReplyToEntryIdentifier,
        Timestamp = message.Timestamp,
    };

    /// <summary>The agent side received or read one of the visitor's messages.</summary>
    public static WebChatEvent Receipt(string id, string customerEntryId, DeliveryStatus status, DateTimeOffset timestamp) => new()
    {
        Type = "receipt",
        Id = id,
        Role = "system",
        EntryId = customerEntryId,
        Status = status == DeliveryStatus.Read ? "read" : "delivered",
        Timestamp = timestamp,
    };

    public static string Serialize(WebChatEvent e) => JsonSerializer.Serialize(e, Json);
}
