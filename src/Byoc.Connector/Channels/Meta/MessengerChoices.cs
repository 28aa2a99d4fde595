using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Choices as a Messenger <c>message</c> when they fit the Send API's limits: a button template (1–3 postback buttons,
/// text at most 640 characters) for Salesforce's <c>Buttons</c> format, else quick replies (at most 13 on a text of at most
/// 2,000); titles at most 20 characters, payloads at most 1,000. Null when they do not fit: the caller sends numbered text.
/// </summary>
internal static class MessengerChoices
{
    public const int MaxQuickReplies = 13;
    public const int MaxButtons = 3;
    public const int MaxTitle = 20;
    public const int MaxPayload = 1000;
    public const int MaxButtonText = 640;

    public static JsonObject? Build(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = string.IsNullOrWhiteSpace(message.Text) ? "Please choose:" : message.Text;
        var choices = message.Choices;
        if (choices.Count == 0 || choices.Select(c => c.Identifier).Distinct(StringComparer.Ordinal).Count() != choices.Count
            || !choices.All(c => c.Title.Trim().Length > 0 && c.Title.Length <= MaxTitle && c.Identifier.Length is > 0 and <= MaxPayload))
        {
            return null;
        }

        var buttons = choices.Count <= MaxButtons && text.Length <= MaxButtonText;
        if (buttons && (message.ChoicesFormat == "Buttons" || choices.Count > MaxQuickReplies || text.Length > MessengerOutboundAdapter.MaxTextLength))
        {
            return new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject
                    {
                        ["template_type"] = "button",
                        ["text"] = text,
                        ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                        {
                            ["type"] = "postback",
                            ["title"] = c.Title,
                            ["payload"] = c.Identifier,
                        })]),
                    },
                },
            };
        }

        if (choices.Count <= MaxQuickReplies && text.Length <= MessengerOutboundAdapter.MaxTextLength)
        {
            return new JsonObject
            {
                ["text"] = text,
                ["quick_replies"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["content_type"] = "text",
                    ["title"] = c.Title,
                    ["payload"] = c.Identifier,
                })]),
            };
        }

        return null;
    }
}
