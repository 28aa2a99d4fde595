using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Reads a verified Events API body (<c>url_verification</c>, <c>event_callback</c>, <c>app_rate_limited</c>) or an
/// interactivity payload (form field <c>payload</c>, <c>block_actions</c>) into a <see cref="SlackInbound"/>. Messages
/// posted by a bot (<c>bot_id</c>, <c>subtype: bot_message</c>) or by the app's own bot user (<c>authorizations</c>)
/// are ignored, so the connector never answers itself; so are edits, deletions and joins.
/// </summary>
internal static class SlackRequestParser
{
    /// <summary>The message subtypes that are an end user writing: none, a shared file, a thread reply also sent to the channel.</summary>
    private static readonly HashSet<string> s_userSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    public static SlackInbound? ParseEvent(ReadOnlyMemory<byte> body, SlackConversationMode mode, out InboundResult? refusal)
    {
        refusal = null;
        JsonObject root;
        try
        {
            if (JsonNode.Parse(body.Span) is not JsonObject parsed)
            {
                refusal = InboundResult.Malformed("The body must be a JSON object.");
                return null;
            }

            root = parsed;
        }
        catch (JsonException ex)
        {
            refusal = InboundResult.Malformed($"The body is not valid JSON: {ex.Message}");
            return null;
        }

        switch (Str(root, "type"))
        {
            case "url_verification":
                if (Str(root, "challenge") is not { Length: > 0 } challenge)
                {
                    refusal = InboundResult.Malformed("A url_verification event needs a 'challenge'.");
                    return null;
                }

                return new SlackInbound { Kind = SlackInboundKind.Challenge, Detail = challenge };
            case "app_rate_limited":
                return new SlackInbound { Kind = SlackInboundKind.RateLimited, Detail = Str(root, "minute_rate_limited") ?? Num(root, "minute_rate_limited") };
            case "event_callback":
                break;
            case null:
                refusal = InboundResult.Malformed("The body has no 'type'.");
                return null;
            default:
                return Ignored($"an Events API body of type '{Str(root, "type")}'");
        }

        if (Str(root, "event_id") is not { Length: > 0 } eventId || root["event"] is not JsonObject item)
        {
            refusal = InboundResult.Malformed("An event_callback needs an 'event_id' and an 'event' object.");
            return null;
        }

        if (Str(item, "type") != "message")
        {
            return Ignored($"an event of type '{Str(item, "type")}'");
        }

        if (Str(item, "bot_id") is not null || Str(item, "subtype") == "bot_message")
        {
            return Ignored("a message posted by a bot (the connector's own posts among them)");
        }

        if (Str(item, "subtype") is { } subtype && !s_userSubtypes.Contains(subtype))
        {
            return Ignored($"a message of subtype '{subtype}'");
        }

        var user = Str(item, "user");
        var channel = Str(item, "channel");
        if (user is null || channel is null)
        {
            return Ignored("a message without a user or a channel");
        }

        if (root["authorizations"] is JsonArray authorizations
            && authorizations.OfType<JsonObject>().Any(a => Str(a, "user_id") == user && a["is_bot"] is JsonValue bot && bot.TryGetValue<bool>(out var isBot) && isBot))
        {
            return Ignored("a message by the app's own bot user");
        }

        var ts = Str(item, "ts");
        return new SlackInbound
        {
            Kind = SlackInboundKind.Message,
            PlatformMessageId = eventId,
            PlatformUserId = SlackEndUsers.For(mode, channel, user, Str(item, "thread_ts") ?? ts),
            Timestamp = Time(ts),
            Text = Str(item, "text"),
            Files = [.. (item["files"] as JsonArray ?? []).OfType<JsonObject>().Select(File)],
        };
    }

    public static SlackInbound? ParseInteraction(InboundRequest request, SlackConversationMode mode, out InboundResult? refusal)
    {
        refusal = null;
        if (request.Form["payload"] is not { Length: > 0 } payload)
        {
            refusal = InboundResult.Malformed("An interactivity request needs the form field 'payload'.");
            return null;
        }

        JsonObject root;
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject parsed)
            {
                refusal = InboundResult.Malformed("The 'payload' must be a JSON object.");
                return null;
            }

            root = parsed;
        }
        catch (JsonException ex)
        {
            refusal = InboundResult.Malformed($"The 'payload' is not valid JSON: {ex.Message}");
            return null;
        }

        if (Str(root, "type") != "block_actions")
        {
            return Ignored($"an interaction of type '{Str(root, "type")}'");
        }

        var user = Str(root["user"] as JsonObject, "id");
        var channel = Str(root["channel"] as JsonObject, "id") ?? Str(root["container"] as JsonObject, "channel_id");
        var action = (root["actions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (user is null || channel is null || action is null)
        {
            refusal = InboundResult.Malformed("A block_actions payload needs 'user.id', 'channel.id' and an action.");
            return null;
        }

        if (!SlackBlocks.TryReadChoice(Str(action, "block_id"), Str(action, "value"), out var entry, out var option))
        {
            return Ignored("a click on an element the connector did not send");
        }

        var message = root["message"] as JsonObject;
        var thread = Str(message, "thread_ts") ?? Str(root["container"] as JsonObject, "thread_ts") ?? Str(message, "ts");
        var actionTs = Str(action, "action_ts") ?? Str(root, "trigger_id") ?? "";
        return new SlackInbound
        {
            Kind = SlackInboundKind.Tap,
            PlatformMessageId = $"action:{user}:{actionTs}",
            PlatformUserId = SlackEndUsers.For(mode, channel, user, thread),
            Timestamp = Time(actionTs),
            Text = Str(action["text"] as JsonObject, "text"),
            EntryIdentifier = entry,
            OptionIdentifier = option,
        };
    }

    private static SlackInbound Ignored(string reason) => new() { Kind = SlackInboundKind.Ignored, Detail = reason };

    private static SlackFile File(JsonObject file)
    {
        var link = Str(file, "url_private_download") ?? Str(file, "url_private");
        var size = file["size"] is JsonValue value && value.TryGetValue<long>(out var bytes) ? bytes : (long?)null;
        return new SlackFile(Str(file, "id") ?? "", Str(file, "name"), Str(file, "mimetype"), size,
            link is not null && Uri.TryCreate(link, UriKind.Absolute, out var url) ? url : null);
    }

    /// <summary>A Slack <c>ts</c> (<c>1355517523.000005</c>, seconds and a sequence) as a time; null when it is not one.</summary>
    private static DateTimeOffset? Time(string? ts) =>
        ts is not null && decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Num(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
}
