using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Reads the Payload JSON of an <c>Interaction</c> event (interaction-service-api.md §6.3–6.5,
/// outbound-custom-event-payload.yaml): the <c>payload</c> wrapper holds one conversation entry. Messages are read by
/// <see cref="OutboundMessageReader"/>.
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
        var conversation = Json.Text(root?["conversationIdentifier"]);
        var address = Json.Text(root?["channelAddressIdentifier"]);
        var recipient = Json.Text(root?["recipient"]?["subject"]);
        var identifier = Json.Text(entry?["identifier"]);
        if (conversation is null || address is null || recipient is null || identifier is null)
        {
            reason = "the payload lacks conversationIdentifier, channelAddressIdentifier, recipient.subject or payload.identifier";
            return null;
        }

        var entryPayload = entry?["entryPayload"];
        var entryType = Json.Text(entry?["entryType"]) ?? Json.Text(entryPayload?["entryType"]);

        // UNCONFIRMED: who is the sender of MessageUpdated (interaction-service-api.md §5.1 d, §6.4 name only the entry). The
        // emulated org sends it as the end user's entry, so it is read whatever the sender is.
        if (entryType != "MessageUpdated" && Json.Text(entry?["sender"]?["role"]) == "EndUser")
        {
            reason = "the entry was sent by the end user";
            return null;
        }

        var timestamp = entry?["clientTimestamp"] is JsonValue ts && ts.TryGetValue<long>(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var result = new OutboundEntry
        {
            ConversationIdentifier = conversation,
            ChannelAddressIdentifier = address,
            RecipientSubject = recipient,
            Identifier = identifier,
            Kind = OutboundKind.Text,
            SenderDisplayName = Json.Text(entry?["senderDisplayName"]),
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
                return result with { Kind = OutboundKind.Progress, Text = Json.Text(entryPayload?["progressIndicator"]?["progressMessage"]?["text"]) };
            case "Message":
                return OutboundMessageReader.Read(result, entryPayload?["abstractMessage"], out reason);
            case "ParticipantChanged":
                return ParticipantChanged(result, entryPayload, out reason);
            case "MessageUpdated":
                return UploadResult(result, entryPayload?["updatedMessage"], out reason);
            default:
                reason = $"entry type '{entryType}' is not shown to end users";
                return null;
        }
    }

    /// <summary>
    /// A rep or agent joined (<c>add</c>) or left (<c>remove</c>); the end user's own participant changes are not shown.
    /// The first change that is not the end user's names the participant.
    /// </summary>
    private static OutboundEntry? ParticipantChanged(OutboundEntry entry, JsonNode? entryPayload, out string reason)
    {
        foreach (var change in Json.Items(entryPayload?["entries"]))
        {
            var operation = Json.Text(change?["operation"]);
            if (Json.Text(change?["participant"]?["role"]) == "EndUser" || operation is not ("add" or "remove"))
            {
                continue;
            }

            reason = string.Empty;
            return entry with
            {
                Kind = OutboundKind.ParticipantChanged,
                ParticipantJoined = operation == "add",
                SenderDisplayName = Json.Text(change?["displayName"]) ?? entry.SenderDisplayName,
            };
        }

        reason = "the participant change names no agent or rep joining or leaving";
        return null;
    }

    /// <summary>
    /// MessageUpdated with <c>attachmentUploadResult</c> (§5.1 d): a failed upload becomes a notice to the end user; a
    /// completed or pending one needs no action.
    /// </summary>
    private static OutboundEntry? UploadResult(OutboundEntry entry, JsonNode? message, out string reason)
    {
        foreach (var attachment in Json.Items(message?["staticContent"]?["attachments"]))
        {
            var result = attachment?["attachmentUploadResult"];
            if (Json.Text(result?["resultType"]) != "ErrorAttachmentUploadResult")
            {
                continue;
            }

            reason = string.Empty;
            var name = Json.Text(attachment?["name"]) ?? "your file";
            return entry with
            {
                Kind = OutboundKind.Notice,
                SenderDisplayName = null,
                Text = $"We could not deliver {name}: {UploadError(Json.Text(result?["errorType"]))}",
            };
        }

        reason = "the upload result needs no action";
        return null;
    }

    private static string UploadError(string? errorType) => errorType switch
    {
        "AttachmentTooLarge" => "the file is too large.",
        "StorageLimitExceeded" => "there is no room left to store it.",
        "AttachmentUploadNotEnabled" or "AttachmentUploadNotAllowed" => "files are not accepted here.",
        _ => "the upload failed. Please try again later.",
    };
}
