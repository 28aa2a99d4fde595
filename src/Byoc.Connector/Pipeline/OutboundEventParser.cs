using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Reads the Payload JSON of an <c>Interaction</c> event (interaction-service-api.md §6.3–6.5,
/// outbound-custom-event-payload.yaml): the <c>payload</c> wrapper holds one conversation entry.
/// </summary>
internal static class OutboundEventParser
{
    /// <summary>Returns the entry, or null with the reason it is not for a channel.</summary>
    public static OutboundEntry? Parse(string? eventType, string? payloadJson, out string reason)
    {
        if (!string.Equals(eventType, "Interaction", StringComparison.Ordinal))
        {
            reason = $"event type '{eventType}' is not Interaction";
            return null;
        }

        JsonNode? root;
        try
        {
            root = payloadJson is null ? null : JsonNode.Parse(payloadJson);
        }
        catch (JsonException ex)
        {
            reason = $"the payload is not JSON: {ex.Message}";
            return null;
        }

        var entry = root?["payload"];
        var conversation = Text(root?["conversationIdentifier"]);
        var address = Text(root?["channelAddressIdentifier"]);
        var recipient = Text(root?["recipient"]?["subject"]);
        var identifier = Text(entry?["identifier"]);
        if (conversation is null || address is null || recipient is null || identifier is null)
        {
            reason = "the payload lacks conversationIdentifier, channelAddressIdentifier, recipient.subject or payload.identifier";
            return null;
        }

        if (Text(entry?["sender"]?["role"]) == "EndUser")
        {
            reason = "the entry was sent by the end user";
            return null;
        }

        var entryPayload = entry?["entryPayload"];
        var entryType = Text(entry?["entryType"]) ?? Text(entryPayload?["entryType"]);
        var timestamp = entry?["clientTimestamp"] is JsonValue ts && ts.TryGetValue<long>(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var result = new OutboundEntry
        {
            ConversationIdentifier = conversation,
            ChannelAddressIdentifier = address,
            RecipientSubject = recipient,
            Identifier = identifier,
            Kind = OutboundKind.Text,
            SenderDisplayName = Text(entry?["senderDisplayName"]),
            Timestamp = timestamp,
        };
        reason = string.Empty;
        switch (entryType)
        {
            case "TypingStartedIndicator":
                return result with { Kind = OutboundKind.TypingStarted };
            case "TypingStoppedIndicator":
                return result with { Kind = OutboundKind.TypingStopped };
            case "ProgressIndicator":
                return result with { Kind = OutboundKind.Progress, Text = Text(entryPayload?["progressIndicator"]?["progressMessage"]?["text"]) };
            case "Message":
                return ParseMessage(result, entryPayload?["abstractMessage"], out reason);
            default:
                reason = $"entry type '{entryType}' is not shown to end users";
                return null;
        }
    }

    private static OutboundEntry? ParseMessage(OutboundEntry entry, JsonNode? message, out string reason)
    {
        reason = string.Empty;
        switch (Text(message?["messageType"]))
        {
            case "StaticContentMessage":
                var content = message?["staticContent"];
                var parts = new List<string>();
                if (Text(content?["text"]) is { Length: > 0 } text)
                {
                    parts.Add(text);
                }

                // Attachments and links fall back to their URLs until channels carry media.
                parts.AddRange(Items(content?["attachments"]).Select(a => Text(a?["url"])).OfType<string>());
                parts.AddRange(Items(content?["links"]).Select(l => Text(l?["url"])).OfType<string>());
                if (Text(content?["linkItem"]?["url"]) is { } link)
                {
                    parts.Add(link);
                }

                return entry with { Kind = OutboundKind.Text, Text = string.Join("\n", parts) };
            case "ChoicesMessage":
                var choices = message?["choices"];
                var options = Items(choices?["optionItems"])
                    .Select(o => (Id: Text(o?["optionIdentifier"]), Title: Text(o?["titleItem"]?["title"])))
                    .Where(o => o.Id is not null)
                    .Select(o => new ChoiceOption(o.Id!, o.Title ?? o.Id!))
                    .ToList();
                return entry with
                {
                    Kind = OutboundKind.Choices,
                    Text = Text(choices?["text"]) ?? Text(choices?["title"]) ?? Text(choices?["message"]),
                    Choices = options,
                };
            case { } other:
                return entry with { Kind = OutboundKind.Text, Text = $"[{other} is not supported on this channel]" };
            default:
                reason = "the message has no messageType";
                return null;
        }
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node as JsonArray ?? [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
