using System.Globalization;
using System.Text.Json;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Reads a Messenger Platform webhook: <c>{"object":"page","entry":[{"id","time","messaging":[{sender {id}, recipient {id},
/// timestamp, message | postback | delivery | read}]}]}</c>. One POST may carry several entries and events; each is read
/// on its own, so a malformed one is skipped (and named) without losing the others. Entries of another Page are left out,
/// and so are the Page's own messages (<c>message.is_echo</c>: what the channel or the Page inbox sent) and events the
/// channel does not read (reactions, referrals, opt-ins).
/// </summary>
internal static class MessengerWebhookParser
{
    /// <summary>The webhook, or null with <paramref name="error"/> when the body is not a Page webhook at all.</summary>
    public static MessengerWebhook? Parse(ReadOnlyMemory<byte> body, string pageId, out string? error)
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
            if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != "page"
                || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                error = "The body must be a Messenger webhook: object \"page\" with an entry array.";
                return null;
            }

            var events = new List<MessengerEvent>();
            var skipped = new List<string>();
            var entryIndex = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var where = $"entry[{entryIndex++}]";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    skipped.Add($"{where} is not an object.");
                    continue;
                }

                if (Str(entry, "id") is { } page && page != pageId)
                {
                    skipped.Add($"{where} is for Page {page}, not this channel's.");
                    continue;
                }

                if (!entry.TryGetProperty("messaging", out var messaging))
                {
                    // Handover protocol's standby, or fields this channel is not subscribed to.
                    continue;
                }

                if (messaging.ValueKind != JsonValueKind.Array)
                {
                    skipped.Add($"{where}.messaging is not an array.");
                    continue;
                }

                var index = 0;
                foreach (var item in messaging.EnumerateArray())
                {
                    var at = $"{where}.messaging[{index++}]";
                    switch (Read(item, out var read))
                    {
                        case Outcome.Read:
                            events.Add(read!);
                            break;
                        case Outcome.Malformed:
                            skipped.Add($"{at} needs a sender id, a timestamp and a message with a mid, a postback, or a delivery or read watermark.");
                            break;
                    }
                }
            }

            error = null;
            return new MessengerWebhook(events, skipped);
        }
    }

    private enum Outcome
    {
        Read,
        Ignored,
        Malformed,
    }

    private static Outcome Read(JsonElement item, out MessengerEvent? read)
    {
        read = null;
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("sender", out var sender)
            || Str(sender, "id") is not { Length: > 0 } user || Millis(item, "timestamp") is not { } at)
        {
            return Outcome.Malformed;
        }

        if (item.TryGetProperty("message", out var message))
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                return Outcome.Ignored;
            }

            if (Str(message, "mid") is not { Length: > 0 } mid)
            {
                return Outcome.Malformed;
            }

            var choice = message.TryGetProperty("quick_reply", out var quick) ? Str(quick, "payload") : null;
            read = new(MessengerEventKind.Message, mid, user, at, Str(message, "text"), choice is { Length: > 0 } ? choice : null, Attachments(message));
            if (read.Text is null && read.Attachments is not { Count: > 0 })
            {
                // Only stickers, locations or shared links: nothing this channel reads. Neither text nor files: malformed.
                read = null;
                return message.TryGetProperty("attachments", out _) ? Outcome.Ignored : Outcome.Malformed;
            }

            return Outcome.Read;
        }

        if (item.TryGetProperty("postback", out var postback))
        {
            if (Str(postback, "payload") is not { Length: > 0 } payload)
            {
                return Outcome.Malformed;
            }

            // Newer API versions give a postback a mid; without one, the sender and Meta's time identify it.
            var id = Str(postback, "mid") is { Length: > 0 } mid ? mid : $"postback:{user}:{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
            read = new(MessengerEventKind.Postback, id, user, at, Str(postback, "title"), payload);
            return Outcome.Read;
        }

        if (item.TryGetProperty("delivery", out var delivery) || item.TryGetProperty("read", out delivery))
        {
            var kind = item.TryGetProperty("delivery", out _) ? MessengerEventKind.Delivery : MessengerEventKind.Read;
            if (Millis(delivery, "watermark") is not { } watermark)
            {
                return Outcome.Malformed;
            }

            var mids = delivery.ValueKind == JsonValueKind.Object && delivery.TryGetProperty("mids", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToList()
                : [];
            var id = $"{kind.ToString().ToLowerInvariant()}:{user}:{watermark.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
            read = new(kind, id, user, at, Mids: mids, Watermark: watermark);
            return Outcome.Read;
        }

        return Outcome.Ignored;
    }

    /// <summary>The message's files with a URL; stickers, locations and shared links (types <c>fallback</c>, <c>template</c>) are left out.</summary>
    private static List<MessengerAttachment> Attachments(JsonElement message)
    {
        var files = new List<MessengerAttachment>();
        if (!message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return files;
        }

        foreach (var attachment in attachments.EnumerateArray())
        {
            if (Str(attachment, "type") is ("image" or "video" or "audio" or "file") and var type
                && attachment.TryGetProperty("payload", out var payload) && Str(payload, "url") is { } link
                && Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            {
                files.Add(new MessengerAttachment(type, url));
            }
        }

        return files;
    }

    /// <summary>Meta's times here: Unix milliseconds, as a number.</summary>
    private static DateTimeOffset? Millis(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var ms) && ms is > 0 and < 253402300800000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static string? Str(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
