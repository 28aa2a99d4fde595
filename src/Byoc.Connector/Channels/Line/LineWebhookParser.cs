using System.Text.Json;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// Reads a LINE webhook: <c>{"destination": bot user id, "events": [{type, mode, timestamp, source {type, userId},
/// webhookEventId, deliveryContext {isRedelivery}, replyToken, message | postback}]}</c>. Each event is read on its own,
/// so a malformed one is skipped (and named) without losing the others; events from groups and rooms, and in
/// <c>standby</c> mode (another channel answers the chat), are left out and named. An empty <c>events</c> array is
/// LINE's "Verify" button.
/// </summary>
internal static class LineWebhookParser
{
    /// <summary>The events and what was skipped, or null with <paramref name="error"/> when the body is not a LINE webhook at all.</summary>
    public static (IReadOnlyList<LineEvent> Events, IReadOnlyList<string> Skipped)? Parse(ReadOnlyMemory<byte> body, out string? error)
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
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                error = "The body must be a LINE webhook: an object with an events array.";
                return null;
            }

            var read = new List<LineEvent>();
            var skipped = new List<string>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                var where = $"events[{index++}]";
                if (Read(item, where, out var why) is { } parsed)
                {
                    read.Add(parsed);
                }
                else if (why is not null)
                {
                    skipped.Add(why);
                }
            }

            error = null;
            return (read, skipped);
        }
    }

    private static LineEvent? Read(JsonElement item, string where, out string? why)
    {
        if (item.ValueKind != JsonValueKind.Object || Str(item, "type") is not { Length: > 0 } type || Str(item, "webhookEventId") is not { Length: > 0 } id
            || !item.TryGetProperty("timestamp", out var time) || !time.TryGetInt64(out var millis) || millis is <= 0 or > 253402300799999)
        {
            why = $"{where} needs a type, a webhookEventId and a timestamp.";
            return null;
        }

        if (!item.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object || Str(source, "userId") is not { Length: > 0 } user)
        {
            why = $"{where} ({type}) has no source.userId.";
            return null;
        }

        if (Str(source, "type") is { } sourceType && sourceType != "user")
        {
            why = $"{where} ({type}) comes from a {sourceType} chat; the channel answers one-to-one chats only.";
            return null;
        }

        if (Str(item, "mode") == "standby")
        {
            why = $"{where} ({type}) is in standby mode: another channel answers this chat.";
            return null;
        }

        var redelivery = item.TryGetProperty("deliveryContext", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("isRedelivery", out var flag) && flag.ValueKind == JsonValueKind.True;
        var read = new LineEvent(id, type, user, DateTimeOffset.FromUnixTimeMilliseconds(millis), redelivery, Str(item, "replyToken"));
        why = null;
        switch (type)
        {
            case "message":
                if (Message(item) is not { } message)
                {
                    why = $"{where} (message) needs a message with an id and a type, and text for a text message.";
                    return null;
                }

                return read with { Message = message };
            case "postback":
                if (!item.TryGetProperty("postback", out var postback) || Str(postback, "data") is not { Length: > 0 } data)
                {
                    why = $"{where} (postback) needs postback.data.";
                    return null;
                }

                return read with { PostbackData = data };
            default:
                return read;
        }
    }

    private static LineMessage? Message(JsonElement item)
    {
        if (!item.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
            || Str(message, "id") is not { Length: > 0 } id || Str(message, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        var readToken = Str(message, "markAsReadToken");
        switch (type)
        {
            case "text":
                return Str(message, "text") is { } text ? new LineMessage(id, type, text, MarkAsReadToken: readToken) : null;
            case "sticker":
                var keywords = message.TryGetProperty("keywords", out var words) && words.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", words.EnumerateArray().Where(w => w.ValueKind == JsonValueKind.String).Select(w => w.GetString()).Take(5))
                    : "";
                return new LineMessage(id, type, keywords.Length > 0 ? $"(sticker: {keywords})" : "(sticker)", MarkAsReadToken: readToken);
            case "image" or "video" or "audio" or "file":
                var size = message.TryGetProperty("fileSize", out var fileSize) && fileSize.TryGetInt64(out var bytes) ? bytes : (long?)null;
                Uri? external = null;
                if (message.TryGetProperty("contentProvider", out var provider) && Str(provider, "type") == "external")
                {
                    if (Str(provider, "originalContentUrl") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out external))
                    {
                        return null;
                    }
                }

                return new LineMessage(id, type, null, Str(message, "fileName"), size, external, readToken);
            default:
                return new LineMessage(id, type, null, MarkAsReadToken: readToken);
        }
    }

    private static string? Str(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
