using System.Globalization;
using System.Text.Json;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Reads a WhatsApp Business Account webhook: <c>{"object":"whatsapp_business_account","entry":[{"id","changes":[{"field":
/// "messages","value":{metadata, contacts, messages, statuses}}]}]}</c>. One POST may carry several entries, changes,
/// messages and statuses; each item is read on its own, so a malformed one is skipped (and named) without losing the
/// others. Changes for another phone number id, and fields other than <c>messages</c>, are left out.
/// </summary>
internal static class WhatsAppWebhookParser
{
    /// <summary>The webhook, or null with <paramref name="error"/> when the body is not a WhatsApp webhook at all.</summary>
    public static WhatsAppWebhook? Parse(ReadOnlyMemory<byte> body, string phoneNumberId, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            error = $"The body is not JSON: {exception.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "whatsapp_business_account"
                || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                error = "The body must be a WhatsApp webhook: object \"whatsapp_business_account\" with an entry array.";
                return null;
            }

            var messages = new List<WhatsAppEvent>();
            var statuses = new List<WhatsAppStatus>();
            var skipped = new List<string>();
            var entryIndex = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var where = $"entry[{entryIndex++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                {
                    skipped.Add($"{where} has no changes array.");
                    continue;
                }

                var changeIndex = 0;
                foreach (var change in changes.EnumerateArray())
                {
                    ReadChange(change, $"{where}.changes[{changeIndex++}]", phoneNumberId, messages, statuses, skipped);
                }
            }

            error = null;
            return new WhatsAppWebhook(messages, statuses, skipped);
        }
    }

    private static void ReadChange(JsonElement change, string where, string phoneNumberId, List<WhatsAppEvent> messages,
        List<WhatsAppStatus> statuses, List<string> skipped)
    {
        if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            skipped.Add($"{where} has no value object.");
            return;
        }

        if (Str(change, "field") != "messages")
        {
            return;
        }

        // One app may subscribe several numbers of a business account; another number's messages are not this channel's.
        if (value.TryGetProperty("metadata", out var metadata) && Str(metadata, "phone_number_id") is { } number && number != phoneNumberId)
        {
            skipped.Add($"{where} is for phone number id {number}, not this channel's.");
            return;
        }

        var contact = value.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array && contacts.GetArrayLength() == 1
            && contacts[0].ValueKind == JsonValueKind.Object
                ? (WaId: Str(contacts[0], "wa_id"), UserId: Str(contacts[0], "user_id"))
                : (null, null);
        if (Items(value, "messages", where, skipped) is { } items)
        {
            var index = 0;
            foreach (var message in items)
            {
                var at = $"{where}.value.messages[{index++}]";
                if (ReadMessage(message, contact.WaId, contact.UserId) is { } read)
                {
                    messages.Add(read);
                }
                else
                {
                    skipped.Add($"{at} needs an id, a sender (from or user_id), a timestamp, a type and, for media, a media id.");
                }
            }
        }

        if (Items(value, "statuses", where, skipped) is { } list)
        {
            var index = 0;
            foreach (var status in list)
            {
                var at = $"{where}.value.statuses[{index++}]";
                if (ReadStatus(status) is { } read)
                {
                    statuses.Add(read);
                }
                else
                {
                    skipped.Add($"{at} needs an id, a recipient, a status and a timestamp.");
                }
            }
        }
    }

    private static JsonElement.ArrayEnumerator? Items(JsonElement value, string name, string where, List<string> skipped)
    {
        if (!value.TryGetProperty(name, out var items))
        {
            return null;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            skipped.Add($"{where}.value.{name} is not an array.");
            return null;
        }

        return items.EnumerateArray();
    }

    private static WhatsAppEvent? ReadMessage(JsonElement message, string? contactWaId, string? contactUserId)
    {
        var userId = Str(message, "user_id") ?? contactUserId;
        if (message.ValueKind != JsonValueKind.Object || Str(message, "id") is not { Length: > 0 } id
            || (Str(message, "from") ?? contactWaId ?? userId) is not { Length: > 0 } user
            || Time(message) is not { } at || Str(message, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        return Read(message, id, user, at, type) is { } read ? read with { UserId = userId is { Length: > 0 } ? userId : null } : null;
    }

    private static WhatsAppEvent? Read(JsonElement message, string id, string user, DateTimeOffset at, string type) =>
        type switch
        {
            "text" => message.TryGetProperty("text", out var text) && Str(text, "body") is { } body ? new(id, user, at, type, body, null) : null,
            "interactive" => Interactive(message, id, user, at),
            // A template's quick-reply button: its payload and label.
            "button" => message.TryGetProperty("button", out var button) && Str(button, "payload") is { } payload
                ? new(id, user, at, type, Str(button, "text"), payload)
                : null,
            "image" or "document" or "audio" or "video" or "sticker" => Media(message, id, user, at, type),
            _ => new(id, user, at, type, null, null),
        };

    /// <summary>A media message; without a media id there is nothing to fetch, and the item is malformed.</summary>
    private static WhatsAppEvent? Media(JsonElement message, string id, string user, DateTimeOffset at, string type) =>
        message.TryGetProperty(type, out var media) && Str(media, "id") is { Length: > 0 } mediaId
            ? new(id, user, at, type, Str(media, "caption"), null, new WhatsAppMedia(mediaId, Str(media, "mime_type"), Str(media, "filename")))
            : null;

    private static WhatsAppEvent? Interactive(JsonElement message, string id, string user, DateTimeOffset at)
    {
        if (!message.TryGetProperty("interactive", out var interactive) || interactive.ValueKind != JsonValueKind.Object
            || Str(interactive, "type") is not ("button_reply" or "list_reply") || !interactive.TryGetProperty(Str(interactive, "type")!, out var reply)
            || Str(reply, "id") is not { Length: > 0 } choice)
        {
            return null;
        }

        return new(id, user, at, "interactive", Str(reply, "title"), choice);
    }

    private static WhatsAppStatus? ReadStatus(JsonElement status)
    {
        if (status.ValueKind != JsonValueKind.Object || Str(status, "id") is not { Length: > 0 } id
            || (Str(status, "recipient_id") ?? Str(status, "recipient_user_id")) is not { Length: > 0 } recipient
            || Str(status, "status") is not { Length: > 0 } state || Time(status) is not { } at)
        {
            return null;
        }

        int? code = null;
        string? error = null;
        if (status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && errors[0].ValueKind == JsonValueKind.Object)
        {
            var first = errors[0];
            code = first.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number : null;
            var details = first.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object ? Str(data, "details") : null;
            error = string.Join(": ", new[] { Str(first, "title"), Str(first, "message"), details }
                .Where(part => !string.IsNullOrWhiteSpace(part)).Distinct(StringComparer.Ordinal));
        }

        return new(id, recipient, state, at, Str(status, "biz_opaque_callback_data"), code, error,
            Str(status, "recipient_user_id") is { Length: > 0 } userId ? userId : null);
    }

    /// <summary>Meta's <c>timestamp</c>: Unix seconds, as a string.</summary>
    private static DateTimeOffset? Time(JsonElement item) =>
        Str(item, "timestamp") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string? Str(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
