using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>Tolerant reads of Salesforce's JSON: a missing or differently typed node is null or empty.</summary>
internal static class TolerantJson
{
    public static IEnumerable<JsonNode?> Items(JsonNode? node) => node as JsonArray ?? [];

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
