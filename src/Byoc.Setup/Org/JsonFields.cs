using System.Text.Json.Nodes;

namespace Byoc.Setup.Org;

/// <summary>Reading fields of REST records.</summary>
public static class JsonFields
{
    /// <summary>A string field, or null when it is missing or not a string.</summary>
    public static string? Str(this JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A boolean field; false when it is missing or not a boolean.</summary>
    public static bool Bool(this JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>True when two Salesforce ids name the same record (15- and 18-character forms compare equal).</summary>
    public static bool SameId(string? a, string? b) =>
        a is { Length: >= 15 } && b is { Length: >= 15 } && string.Equals(a[..15], b[..15], StringComparison.Ordinal);

    /// <summary>The first record, or null when there is none.</summary>
    public static JsonObject? FirstOrNull(this IReadOnlyList<JsonObject> records) => records.Count > 0 ? records[0] : null;
}
