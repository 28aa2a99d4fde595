using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Validates the <c>json</c> part and the files of <c>POST /api/v1/interactions</c> (interaction-service-api.md §5.1) and maps each
/// documented violation to its code: 10027/10028 <c>to</c>/<c>from</c>; 20003 empty and 10029 invalid interaction lists (exactly one
/// interaction per request); 10045 entry format; 10059/10060 entry and message ids; 10062/10047/10048/10049 message and format types;
/// 10007/10010/10011/10009/10008/10051/10095 attachments.
/// </summary>
internal static class InteractionParser
{
    /// <summary>25 MB, the documented attachment limit.</summary>
    public const long MaxAttachmentBytes = 25L * 1024 * 1024;

    private static readonly Dictionary<string, string> s_mimeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".png"] = "image/png",
        [".pdf"] = "application/pdf",
        [".3g2"] = "video/3gpp2",
        [".3gp"] = "video/3gpp",
        [".mpeg"] = "video/mpeg",
        [".mpg"] = "video/mpeg",
        [".mp3"] = "audio/mpeg",
        [".mp4"] = "video/mp4",
        [".m4a"] = "audio/mp4",
    };

    private static readonly HashSet<string> s_supportedMime = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/gif", "image/bmp", "image/png", "application/pdf", "video/3gpp2", "audio/3gpp2", "video/3gpp",
        "audio/3gpp", "video/mpeg", "audio/mpeg", "video/mp4", "audio/mp4",
    };

    public static bool TryParse(
        JsonObject json, IReadOnlyList<IFormFile> attachments,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        var to = String(json, "to");
        if (string.IsNullOrWhiteSpace(to) || to.Length > 240)
        {
            error = InteractionError.Of(10027);
            return false;
        }

        var from = String(json, "from");
        if (string.IsNullOrWhiteSpace(from) || from.Length > 255)
        {
            error = InteractionError.Of(10028);
            return false;
        }

        if (json["interactions"] is not JsonArray list)
        {
            error = InteractionError.Of(10029);
            return false;
        }

        if (list.Count == 0)
        {
            error = InteractionError.Of(20003);
            return false;
        }

        if (list.Count > 1 || list[0] is not JsonObject item)
        {
            error = InteractionError.Of(10029).With("Send exactly one interaction per request.");
            return false;
        }

        if (!TryLong(item["timestamp"], out var timestamp))
        {
            error = InteractionError.Of(10029).With("timestamp (epoch milliseconds) is required.");
            return false;
        }

        switch (String(item, "interactionType"))
        {
            case "EntryInteraction":
                if (attachments.Count > 0)
                {
                    error = InteractionError.Of(10011);
                    return false;
                }

                return TryParseEntry(to, from, timestamp, item, out interaction, out error);
            case "AttachmentInteraction":
                return TryParseAttachment(to, from, timestamp, item, attachments, out interaction, out error);
            default:
                error = InteractionError.Of(10029).With("interactionType must be EntryInteraction or AttachmentInteraction.");
                return false;
        }
    }

    private static bool TryParseEntry(
        string to, string from, long timestamp, JsonObject item,
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
                return TryParseMessage(to, from, timestamp, payload, out interaction, out error);
            case "TypingStartedIndicator" or "TypingStoppedIndicator":
                if (string.IsNullOrEmpty(id) || !TryLong(payload["timestamp"], out _))
                {
                    error = InteractionError.Of(10045).With("A typing indicator needs id and timestamp.");
                    return false;
                }

                interaction = new ParsedInteraction(to, from, entryType, id, null, null, timestamp, payload, null, null, null);
                error = null;
                return true;
            case "MessageDeliveryFailed":
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

                interaction = new ParsedInteraction(to, from, entryType, id, String(payload, "errorMessage"), "MessageDeliveryFailed",
                    timestamp, payload, failed, null, null);
                error = null;
                return true;
            default:
                error = InteractionError.Of(10045).With("entryType must be Message, TypingStartedIndicator, TypingStoppedIndicator or MessageDeliveryFailed.");
                return false;
        }
    }

    private static bool TryParseMessage(
        string to, string from, long timestamp, JsonObject payload,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        if (payload["abstractMessage"] is not JsonObject message)
        {
            error = InteractionError.Of(10045);
            return false;
        }

        var id = String(payload, "id");
        var messageId = String(message, "id");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(messageId))
        {
            error = InteractionError.Of(10059);
            return false;
        }

        if (!string.Equals(id, messageId, StringComparison.Ordinal))
        {
            error = InteractionError.Of(10060);
            return false;
        }

        string? text;
        string transcriptType;
        switch (String(message, "messageType"))
        {
            case "StaticContentMessage":
                if (message["staticContent"] is not JsonObject staticContent)
                {
                    error = InteractionError.Of(10045);
                    return false;
                }

                var format = String(staticContent, "formatType");
                if (format != "Text")
                {
                    error = IsKnownFormat(format) ? InteractionError.Of(10049) : InteractionError.Of(10048);
                    return false;
                }

                text = String(staticContent, "text");
                if (string.IsNullOrEmpty(text))
                {
                    error = InteractionError.Of(10045).With("staticContent.text is required.");
                    return false;
                }

                transcriptType = "Text";
                break;
            case "ChoicesResponseMessage":
                if (message["choicesResponse"] is not JsonObject choices)
                {
                    error = InteractionError.Of(10045);
                    return false;
                }

                if (String(choices, "formatType") is var choicesFormat && choicesFormat != "Selections")
                {
                    error = IsKnownFormat(choicesFormat) ? InteractionError.Of(10049) : InteractionError.Of(10048);
                    return false;
                }

                if (choices["selectedOptions"] is not JsonArray { Count: > 0 } selected ||
                    selected.Any(o => o is not JsonObject option || string.IsNullOrEmpty(String(option, "optionIdentifier"))))
                {
                    error = InteractionError.Of(10045).With("choicesResponse.selectedOptions needs at least one optionIdentifier.");
                    return false;
                }

                text = string.Join(", ", selected.OfType<JsonObject>()
                    .Select(o => o["optionTitle"] is JsonObject title ? String(title, "title") : String(o, "optionIdentifier")));
                transcriptType = "ChoicesResponse";
                break;
            case "FormResponseMessage":
                if (message["formResponse"] is not JsonObject form)
                {
                    error = InteractionError.Of(10045);
                    return false;
                }

                if (String(form, "formatType") is var formFormat && formFormat is not ("Inputs" or "Result"))
                {
                    error = IsKnownFormat(formFormat) ? InteractionError.Of(10049) : InteractionError.Of(10048);
                    return false;
                }

                text = form["formTitle"] is JsonObject formTitle ? String(formTitle, "title") : null;
                transcriptType = "FormResponse";
                break;
            case "ChoicesMessage" or "FormMessage":
                error = InteractionError.Of(10062);
                return false;
            default:
                error = InteractionError.Of(10047);
                return false;
        }

        interaction = new ParsedInteraction(to, from, "Message", id, text, transcriptType, timestamp, payload, null, null, null);
        error = null;
        return true;
    }

    private static bool TryParseAttachment(
        string to, string from, long timestamp, JsonObject item, IReadOnlyList<IFormFile> attachments,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        var id = String(item, "id");
        if (string.IsNullOrEmpty(id))
        {
            error = InteractionError.Of(10007);
            return false;
        }

        if (!TryLong(item["contentLength"], out var contentLength))
        {
            error = InteractionError.Of(10010);
            return false;
        }

        if (!TryLong(item["attachmentIndex"], out var attachmentIndex) || attachmentIndex != 0)
        {
            error = InteractionError.Of(10029).With("attachmentIndex must be 0 (one file per request).");
            return false;
        }

        if (attachments.Count != 1)
        {
            error = InteractionError.Of(10011);
            return false;
        }

        var file = attachments[0];
        if (file.Length == 0)
        {
            error = InteractionError.Of(10009);
            return false;
        }

        if (file.Length > MaxAttachmentBytes)
        {
            error = InteractionError.Of(10008);
            return false;
        }

        if (file.Length != contentLength)
        {
            error = InteractionError.Of(10051);
            return false;
        }

        var mimeType = MimeTypeOf(file);
        if (mimeType is null)
        {
            error = InteractionError.Of(10095);
            return false;
        }

        interaction = new ParsedInteraction(to, from, "AttachmentInteraction", id, String(item, "text"), "Attachment", timestamp, item,
            null, file, mimeType);
        error = null;
        return true;
    }

    private static string? MimeTypeOf(IFormFile file)
    {
        var declared = file.ContentType?.Split(';')[0].Trim();
        if (declared is not null && s_supportedMime.Contains(declared))
        {
            return declared.ToLowerInvariant();
        }

        return s_mimeByExtension.GetValueOrDefault(Path.GetExtension(file.FileName ?? string.Empty));
    }

    private static bool IsKnownFormat(string? format) => format is "Attachments" or "RichLink" or "Media" or "Buttons" or "Carousel" or
        "QuickReplies" or "ListPicker" or "Selections" or "Links" or "TimePicker" or "Application" or "Result" or "Inputs" or "WebView" or
        "Text" or "ExperienceType" or "Flow" or "MessageDefinition";

    private static string? String(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue json)
        {
            return false;
        }

        return json.GetValueKind() switch
        {
            JsonValueKind.Number => json.TryGetValue(out value) || (json.TryGetValue<double>(out var d) && (value = (long)d) == d),
            JsonValueKind.String => long.TryParse(json.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
