using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// Reference expressions of a composite request (<c>@{NewAccount.id}</c>, <c>@{Query.records[0].Id}</c>): a referenceId of an
/// earlier subrequest followed by a path into its response body.
/// </summary>
internal static partial class CompositeReferences
{
    /// <summary>Replaces every reference in the text; names the first one that cannot be resolved.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, SubrequestResult> results, out string? unresolved)
    {
        string? missing = null;
        var resolved = Reference().Replace(text, match =>
        {
            var value = results.TryGetValue(match.Groups["ref"].Value, out var result) && result.Success
                ? Navigate(result.Body, match.Groups["path"].Value)
                : null;
            if (value is null)
            {
                missing ??= match.Value;
                return match.Value;
            }

            return value;
        });
        unresolved = missing;
        return resolved;
    }

    private static string? Navigate(JsonNode? node, string path)
    {
        foreach (Match step in Step().Matches(path))
        {
            node = step.Groups["name"].Success
                ? node is JsonObject obj ? obj[step.Groups["name"].Value] : null
                : node is JsonArray array && int.TryParse(step.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) &&
                  i < array.Count ? array[i] : null;
        }

        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => null,
        };
    }

    [GeneratedRegex(@"@\{(?<ref>[A-Za-z][A-Za-z0-9_]*)(?<path>(?:\.[A-Za-z0-9_]+|\[\d+\])+)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
