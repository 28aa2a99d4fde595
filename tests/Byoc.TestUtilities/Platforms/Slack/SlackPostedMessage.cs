using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>A message the application posted with chat.postMessage and the fake accepted.</summary>
/// <param name="Channel">The channel posted to.</param>
/// <param name="Ts">The message's ts, as the answer gave it.</param>
/// <param name="ThreadTs">The thread posted in, or null.</param>
/// <param name="Text">The text.</param>
/// <param name="Blocks">The Block Kit blocks, or null.</param>
public sealed record SlackPostedMessage(string Channel, string Ts, string? ThreadTs, string Text, JsonArray? Blocks)
{
    /// <summary>The buttons of the message's actions blocks: block id, action id, label and value.</summary>
    public IReadOnlyList<SlackButton> Buttons => [.. (Blocks ?? []).OfType<JsonObject>()
        .Where(b => (string?)b["type"] == "actions")
        .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new SlackButton(
            (string?)b["block_id"] ?? "", (string?)e["action_id"] ?? "", (string?)e["text"]?["text"] ?? "", (string?)e["value"]))),];
}
