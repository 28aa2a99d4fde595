using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Choices as WhatsApp interactive messages when they fit the Cloud API's limits: reply buttons (at most 3, title at most
/// 20 characters, id at most 256) or a list (at most 10 rows, title at most 24, id at most 200; the menu button's label
/// at most 20), each with a body of at most 1,024 characters. Null when they do not fit: the caller sends numbered text.
/// </summary>
internal static class WhatsAppInteractive
{
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxButtonId = 256;
    public const int MaxRows = 10;
    public const int MaxRowTitle = 24;
    public const int MaxRowId = 200;
    public const int MaxBody = 1024;

    /// <summary>The label of the button that opens a list. <value>Choose</value></summary>
    public const string ListButton = "Choose";

    public static JsonObject? Build(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = string.IsNullOrWhiteSpace(message.Text) ? "Please choose:" : message.Text;
        var choices = message.Choices;
        if (body.Length > MaxBody || choices.Count == 0 || choices.Select(c => c.Identifier).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            return null;
        }

        if (choices.Count <= MaxButtons && Fit(choices, MaxButtonTitle, MaxButtonId)
            && choices.Select(c => c.Title).Distinct(StringComparer.Ordinal).Count() == choices.Count)
        {
            return new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = body },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply",
                        ["reply"] = new JsonObject { ["id"] = c.Identifier, ["title"] = c.Title },
                    })]),
                },
            };
        }

        if (choices.Count <= MaxRows && Fit(choices, MaxRowTitle, MaxRowId))
        {
            return new JsonObject
            {
                ["type"] = "list",
                ["body"] = new JsonObject { ["text"] = body },
                ["action"] = new JsonObject
                {
                    ["button"] = ListButton,
                    ["sections"] = new JsonArray(new JsonObject
                    {
                        ["rows"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["id"] = c.Identifier, ["title"] = c.Title })]),
                    }),
                },
            };
        }

        return null;
    }

    private static bool Fit(IReadOnlyList<ChoiceOption> choices, int maxTitle, int maxId) =>
        choices.All(c => c.Title.Trim().Length is > 0 && c.Title.Length <= maxTitle && c.Identifier.Length is > 0 && c.Identifier.Length <= maxId);
}
