using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Interactions;

/// <summary>Reads the typed values of Interaction Service API bodies: a wrong JSON kind reads as absent.</summary>
internal static class InteractionJson
{
    /// <summary>The property's string value, or null when it is missing or not a string.</summary>
    public static string? String(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>An integer sent as a JSON number (a whole double included) or as a decimal string.</summary>
    public static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue json)
        {
            return false;
        }

        return json.GetValueKind() switch
        {
            JsonValueKind.Number => json.TryGetValue(out value) || (json.TryGetValue<double>(out var d) && (value = (long)d) == d),
            JsonValueKind.String => long.TryParse(json.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
