using System.Globalization;
using System.Text.RegularExpressions;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Apex;

/// <summary>
/// A stand-in <see cref="IApexQueryExecutor"/> over the <see cref="OrgStore"/> for
/// <c>SELECT f, ... FROM Type [WHERE Field = literal [AND ...]] [LIMIT n]</c>; anything else is a query error. The
/// host replaces it with an adapter over the org's SOQL engine.
/// </summary>
internal sealed partial class OrgStoreApexQueryExecutor(OrgStore store) : IApexQueryExecutor
{
    public ApexQueryResult Execute(string soql, string userId)
    {
        var match = QueryPattern().Match(soql);
        if (!match.Success)
        {
            return ApexQueryResult.Failure($"unexpected token: '{soql}'");
        }

        var type = store.Schema.FindObject(match.Groups["object"].Value);
        if (type is null)
        {
            return ApexQueryResult.Failure($"sObject type '{match.Groups["object"].Value}' is not supported.");
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries).Prepend("Id")
            .Select(f => type.FindField(f)?.Name ?? f).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var conditions = new List<(string Field, object? Value)>();
        if (match.Groups["where"].Success)
        {
            foreach (Match condition in ConditionPattern().Matches(match.Groups["where"].Value))
            {
                conditions.Add((condition.Groups["field"].Value, ParseLiteral(condition.Groups["value"].Value)));
            }
        }

        foreach (var name in fields.Concat(conditions.Select(c => c.Field)))
        {
            if (type.FindField(name) is null)
            {
                return ApexQueryResult.Failure($"No such column '{name}' on entity '{type.Name}'.");
            }
        }

        var limit = match.Groups["limit"].Success ? int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture) : int.MaxValue;
        var rows = store.Records(type.Name)
            .Where(r => conditions.All(c => ApexValues.AreEqual(r[c.Field], c.Value)))
            .Take(limit)
            .Select(r => new ApexQueryRow(type.Name, fields.ToDictionary(f => f, f => r[f], StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return new ApexQueryResult(rows);
    }

    private static object? ParseLiteral(string text) => text switch
    {
        _ when text.StartsWith('\'') => text[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal),
        _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ when text.Equals("null", StringComparison.OrdinalIgnoreCase) => null,
        _ => long.Parse(text, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(
        @"^\s*select\s+(?<fields>[\w\s,]+?)\s+from\s+(?<object>\w+)(?:\s+where\s+(?<where>(?:\w+\s*=\s*(?:'(?:[^'\\]|\\.)*'|\w+)(?:\s+and\s+|(?=\s+limit\b)|\s*$))+))?(?:\s+limit\s+(?<limit>\d+))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"(?<field>\w+)\s*=\s*(?<value>'(?:[^'\\]|\\.)*'|\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionPattern();
}
