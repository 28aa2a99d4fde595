using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>
/// Reads the Payload JSON of an <c>Interaction</c> event (interaction-service-api.md §6.3–6.5,
/// outbound-custom-event-payload.yaml): the <c>payload</c> wrapper holds one conversation entry. Messages are read by
/// <see cref="OutboundMessageReader"/>.
/// </summary>
internal static class OutboundEventParser
{
    /// <summary>Returns the event, or null with the reason it is not for a channel.</summary>
    public static OutboundEvent? Parse(string? eventType, string? payloadJson, out string reason)
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
        var conversation = TolerantJson.Text(root?["conversationIdentifier"]);
        var address = TolerantJson.Text(root?["channelAddressIdentifier"]);
        var recipient = TolerantJson.Text(root?["recipient"]?["subject"]);
        var identifier = TolerantJson.Text(entry?["identifier"]);
        if (conversation is null || address is null || recipient is null || identifier is null)
        {
            reason = "the payload lacks conversationIdentifier, channelAddressIdentifier, recipient.subject or payload.identifier";
            return null;
        }

        var entryPayload = entry?["entryPayload"];
        var entryType = TolerantJson.Text(entry?["entryType"]) ?? TolerantJson.Text(entryPayload?["entryType"]);

        // UNCONFIRMED: who is the sender of MessageUpdated (interaction-service-api.md §5.1 d, §6.4 name only the entry). The
        // emulated org sends it as the end user's entry, so it is read whatever the sender is.
        if (entryType != "MessageUpdated" && TolerantJson.Text(entry?["sender"]?["role"]) == "EndUser")
        {
            reason = "the entry was sent by the end user";
            return null;
        }

        var timestamp = entry?["clientTimestamp"] is JsonValue ts && ts.TryGetValue<long>(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var result = new OutboundMessage
        {
            Channel = string.Empty,
            PlatformUserId = string.Empty,
            ConversationIdentifier = conversation,
            EntryIdentifier = identifier,
            Kind = OutboundKind.Text,
            SenderDisplayName = TolerantJson.Text(entry?["senderDisplayName"]),
            SenderRole = TolerantJson.Text(entry?["sender"]?["role"]),
            Timestamp = timestamp,
        };
        reason = string.Empty;
        var message = entryType switch
        {
            "TypingStartedIndicator" => result with { Kind = OutboundKind.TypingStarted },
            "TypingStoppedIndicator" => result with { Kind = OutboundKind.TypingStopped },
            "ProgressIndicator" => result with { Kind = OutboundKind.Progress, Text = TolerantJson.Text(entryPayload?["progressIndicator"]?["progressMessage"]?["text"]) },
            "Message" => OutboundMessageReader.Read(result, entryPayload?["abstractMessage"], out reason),
            "ParticipantChanged" => ParticipantChanged(result, entryPayload, out reason),
            "MessageUpdated" => UploadResult(result, entryPayload?["updatedMessage"], out reason),
            _ => null,
        };
        if (message is null && reason.Length == 0)
        {
            reason = $"entry type '{entryType}' is not shown to end users";
        }

        return message is null ? null : new OutboundEvent(address, recipient, message);
    }

    /// <summary>
    /// A rep or agent joined (<c>add</c>) or left (<c>remove</c>); the end user's own participant changes are not shown.
    /// The first change that is not the end user's names the participant.
    /// </summary>
    private static OutboundMessage? ParticipantChanged(OutboundMessage entry, JsonNode? entryPayload, out string reason)
    {
        foreach (var change in TolerantJson.Items(entryPayload?["entries"]))
        {
            var operation = TolerantJson.Text(change?["operation"]);
            if (TolerantJson.Text(change?["participant"]?["role"]) == "EndUser" || operation is not ("add" or "remove"))
            {
                continue;
            }

            reason = string.Empty;
            return entry with
            {
                Kind = OutboundKind.ParticipantChanged,
                ParticipantJoined = operation == "add",
                SenderDisplayName = TolerantJson.Text(change?["displayName"]) ?? entry.SenderDisplayName,
                SenderRole = TolerantJson.Text(change?["participant"]?["role"]) ?? entry.SenderRole,
            };
        }

        reason = "the participant change names no agent or rep joining or leaving";
        return null;
    }

    /// <summary>
    /// MessageUpdated with <c>attachmentUploadResult</c> (§5.1 d): a failed upload becomes a notice to the end user; a
    /// completed or pending one needs no action.
    /// </summary>
    private static OutboundMessage? UploadResult(OutboundMessage entry, JsonNode? message, out string reason)
    {
        foreach (var attachment in TolerantJson.Items(message?["staticContent"]?["attachments"]))
        {
            var result = attachment?["attachmentUploadResult"];
            if (TolerantJson.Text(result?["resultType"]) != "ErrorAttachmentUploadResult")
            {
                continue;
            }

            reason = string.Empty;
            var name = TolerantJson.Text(attachment?["name"]) ?? "your file";
            return entry with
            {
                Kind = OutboundKind.Notice,
                SenderDisplayName = null,
                Text = $"We could not deliver {name}: {UploadError(TolerantJson.Text(result?["errorType"]))}",
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
