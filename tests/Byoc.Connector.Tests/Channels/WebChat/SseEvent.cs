using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>One server-sent event: its id (null for live-only events) and its JSON data.</summary>
internal sealed record SseEvent(string? Id, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data) ?? throw new JsonException("null event data");

    public long Sequence => long.Parse(Id!, System.Globalization.CultureInfo.InvariantCulture);

    public string? Type => (string?)Json["type"];

    public string? EntryKey => (string?)Json["id"];
}
