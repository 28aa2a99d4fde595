using System.Text.Json;
using System.Text.Json.Serialization;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Maps canonical messages to stream events. Participant changes and receipts of the visitor's own messages have event
/// shapes and page rendering already (<see cref="Participant"/>, <see cref="Receipt"/>); the canonical outbound model
/// does not carry them yet, so nothing produces them until <see cref="OutboundKind"/> grows those kinds.
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

    public static WebChatEvent FromOutbound(OutboundMessage message) => new()
    {
        Type = message.Kind switch
        {
            OutboundKind.Text => "message",
            OutboundKind.Choices => "choices",
            OutboundKind.TypingStarted => "typing.started",
            OutboundKind.TypingStopped => "typing.stopped",
            _ => "progress",
        },
        Id = message.EntryIdentifier,
        Role = "agent",
        Sender = message.SenderDisplayName,
        Text = message.Text,
        Choices = message.Kind == OutboundKind.Choices ? message.Choices.Select(c => new WebChatChoice(c.Identifier, c.Title)).ToList() : null,
        Timestamp = message.Timestamp,
    };

    /// <summary>The visitor's own message or choice as it is shown back (on reload and in other tabs).</summary>
    public static WebChatEvent FromCustomer(InboundMessage message) => new()
    {
        Type = "message",
        Id = CustomerKeyPrefix + WebChatInboundAdapter.PageId(message),
        Role = "customer",
        Text = message.Text,
        InReplyTo = message.InReplyToEntryIdentifier,
        Timestamp = message.Timestamp,
    };

    /// <summary>An agent or rep joined or left the conversation.</summary>
    public static WebChatEvent Participant(string id, string displayName, bool joined, DateTimeOffset timestamp) => new()
    {
        Type = "participant",
        Id = id,
        Role = "system",
        Sender = displayName,
        Operation = joined ? "joined" : "left",
        Timestamp = timestamp,
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
