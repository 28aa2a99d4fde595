using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// The <c>payload</c> of an <c>EntryInteraction</c> by its <c>entryType</c> (10045 for a bad format): typing indicators,
/// <c>MessageDeliveryFailed</c>, and <c>Message</c>, whose content <see cref="MessageParser"/> reads.
/// </summary>
internal static class EntryParser
{
    public static bool TryParse(
        InteractionEnvelope envelope, JsonObject item,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        if (item["payload"] is not JsonObject payload)
        {
            error = InteractionError.Of(10045);
            return false;
        }

        var entryType = String(payload, "entryType");
        var id = String(payload, "id");
        switch (entryType)
        {
            case "Message":
                return MessageParser.TryParse(envelope, payload, out interaction, out error);
            case "TypingStartedIndicator" or "TypingStoppedIndicator":
                if (string.IsNullOrEmpty(id) || !TryLong(payload["timestamp"], out _))
                {
                    error = InteractionError.Of(10045).With("A typing indicator needs id and timestamp.");
                    return false;
                }

                interaction = new ParsedInteraction(envelope, entryType, id, null, null, payload);
                error = null;
                return true;
            case "MessageDeliveryFailed":
                return TryParseDeliveryFailed(envelope, id, payload, out interaction, out error);
            default:
                error = InteractionError.Of(10045).With("entryType must be Message, TypingStartedIndicator, TypingStoppedIndicator or MessageDeliveryFailed.");
                return false;
        }
    }

    private static bool TryParseDeliveryFailed(
        InteractionEnvelope envelope, string? id, JsonObject payload,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        // The OpenAPI names it failedConversationEntryIdentifier; Salesforce's BYOC demo sends failedChannelEntryIdentifier (§12.1).
        var failed = String(payload, "failedConversationEntryIdentifier") ?? String(payload, "failedChannelEntryIdentifier");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(failed) || payload["errorCode"] is not JsonValue errorCode ||
            errorCode.GetValueKind() != JsonValueKind.String)
        {
            error = InteractionError.Of(10045).With("MessageDeliveryFailed needs id, failedConversationEntryIdentifier and errorCode.");
            return false;
        }

        if (payload["recipient"] is not JsonObject recipient || String(recipient, "appType") != "custom" ||
            String(recipient, "role") != "EndUser" || string.IsNullOrEmpty(String(recipient, "subject")))
        {
            error = InteractionError.Of(10045).With("recipient must be {appType: custom, subject, role: EndUser}.");
            return false;
        }

        interaction = new ParsedInteraction(envelope, "MessageDeliveryFailed", id, String(payload, "errorMessage"), "MessageDeliveryFailed", payload)
        {
            FailedEntryIdentifier = failed,
        };
        error = null;
        return true;
    }
}
