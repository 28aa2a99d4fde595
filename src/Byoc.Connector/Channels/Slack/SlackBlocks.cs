using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Choices as Block Kit: a section with the prompt and one actions block of buttons. The actions block's
/// <c>block_id</c> is <c>choices:</c> and the entry identifier, and each button's <c>value</c> is the option
/// identifier, so a click (<c>block_actions</c>, signed by Slack) maps back without any state. Slack's limits decide
/// when the message goes as numbered text instead: at most 25 elements in an actions block, a button label of at most
/// 75 characters, a <c>block_id</c> of at most 255 and a <c>value</c> of at most 2,000.
/// </summary>
internal static class SlackBlocks
{
    /// <summary>The most elements one actions block takes.</summary>
    public const int MaxButtons = 25;

    /// <summary>The longest button label (plain text).</summary>
    public const int MaxButtonText = 75;

    /// <summary>The longest text of a section block.</summary>
    public const int MaxSectionText = 3000;

    private const int MaxBlockId = 255;
    private const int MaxValue = 2000;
    private const string BlockPrefix = "choices:";

    /// <summary>The blocks showing <paramref name="message"/>'s choices under <paramref name="prompt"/>, or null when they do not fit Slack's limits.</summary>
    public static JsonArray? Choices(OutboundMessage message, string prompt, int maxButtons)
    {
        ArgumentNullException.ThrowIfNull(message);
        var choices = message.Choices;
        if (choices.Count == 0 || choices.Count > maxButtons || BlockPrefix.Length + message.EntryIdentifier.Length > MaxBlockId
            || prompt.Length > MaxSectionText || choices.Any(c => c.Title.Trim().Length is 0 or > MaxButtonText || c.Identifier.Length is 0 or > MaxValue))
        {
            return null;
        }

        var buttons = new JsonArray();
        for (var i = 0; i < choices.Count; i++)
        {
            buttons.Add(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "choice-" + i.ToString(CultureInfo.InvariantCulture),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = choices[i].Title.Trim(), ["emoji"] = true },
                ["value"] = choices[i].Identifier,
            });
        }

        return
        [
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = prompt } },
            new JsonObject { ["type"] = "actions", ["block_id"] = BlockPrefix + message.EntryIdentifier, ["elements"] = buttons },
        ];
    }

    /// <summary>Reads a clicked button back into the choices entry and the option; false for an element the connector did not send.</summary>
    public static bool TryReadChoice(string? blockId, string? value, out string entryIdentifier, out string optionIdentifier)
    {
        entryIdentifier = "";
        optionIdentifier = value ?? "";
        if (blockId is null || !blockId.StartsWith(BlockPrefix, StringComparison.Ordinal) || blockId.Length == BlockPrefix.Length
            || string.IsNullOrEmpty(value))
        {
            return false;
        }

        entryIdentifier = blockId[BlockPrefix.Length..];
        return true;
    }
}
