using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// LINE message objects and their limits (Messaging API reference, "Message objects" and "Quick reply"): text at most
/// 5,000 characters; at most 5 message objects a call; a quick reply of at most 13 buttons on the last message, each a
/// postback action whose label (at most 20 characters) the end user sees, whose <c>data</c> (at most 300) comes back in
/// the postback event, and whose <c>displayText</c> (at most 300) shows as the end user's message.
/// </summary>
internal static class LineMessages
{
    /// <summary>The longest text message.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>The most message objects one reply or push takes.</summary>
    public const int MaxPerCall = 5;

    /// <summary>The most buttons of one quick reply.</summary>
    public const int MaxQuickReplies = 13;

    /// <summary>The longest quick-reply button label.</summary>
    public const int MaxLabel = 20;

    /// <summary>The longest postback <c>data</c>.</summary>
    public const int MaxData = 300;

    /// <summary>The longest postback <c>displayText</c>.</summary>
    public const int MaxDisplayText = 300;

    /// <summary>A text message object.</summary>
    public static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    /// <summary>An image message object; LINE shows the preview in the chat and the original when tapped (both HTTPS).</summary>
    public static JsonObject Image(Uri original, Uri preview) => new()
    {
        ["type"] = "image",
        ["originalContentUrl"] = original.AbsoluteUri,
        ["previewImageUrl"] = preview.AbsoluteUri,
    };

    /// <summary>
    /// The quick reply for the choices of <paramref name="message"/> when at most <paramref name="max"/> of them fit, else
    /// null: each label at most 20 characters (a longer title is cut, and the full title is the display text), each
    /// postback's data the entry key and option index of <see cref="TelegramKeyboards.CallbackData"/> (Salesforce's option
    /// identifiers may be longer than 300), which the inbound half maps back through the same durable log.
    /// </summary>
    public static JsonObject? QuickReply(OutboundMessage message, int max)
    {
        ArgumentNullException.ThrowIfNull(message);
        var choices = message.Choices;
        if (choices.Count == 0 || choices.Count > Math.Min(max, MaxQuickReplies) || choices.Any(c => string.IsNullOrWhiteSpace(c.Title)))
        {
            return null;
        }

        var items = new JsonArray();
        for (var index = 0; index < choices.Count; index++)
        {
            var title = choices[index].Title.Trim();
            items.Add(new JsonObject
            {
                ["type"] = "action",
                ["action"] = new JsonObject
                {
                    ["type"] = "postback",
                    ["label"] = title.Length <= MaxLabel ? title : title[..(MaxLabel - 1)].TrimEnd() + "…",
                    ["data"] = TelegramKeyboards.CallbackData(message.EntryIdentifier, index),
                    ["displayText"] = title.Length <= MaxDisplayText ? title : title[..MaxDisplayText],
                },
            });
        }

        return new JsonObject { ["items"] = items };
    }
}
