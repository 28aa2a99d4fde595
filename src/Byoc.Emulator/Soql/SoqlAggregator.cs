using System.Globalization;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql.Ast;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Soql;

/// <summary>Aggregate queries: GROUP BY keys and COUNT, COUNT_DISTINCT, MIN, MAX, SUM, AVG per group.</summary>
internal static class SoqlAggregator
{
    public static (List<SoqlAggregateColumn> Columns, List<object?[]> Rows) Run(
        SoqlQuery query, IReadOnlyList<(SoqlSelectItem Item, SoqlFieldRef Field)> items, IReadOnlyList<SoqlFieldRef> groupBy,
        List<SObjectRecord> records, OrgStore store)
    {
        var columns = new List<SoqlAggregateColumn>();
        var expression = 0;
        foreach (var (item, field) in items)
        {
            columns.Add(item.Kind == SoqlSelectKind.Aggregate
                ? new SoqlAggregateColumn(item.Alias ?? $"expr{expression++}", $"{item.Function}({item.Path!.Text})", field.Field, item.Function)
                : new SoqlAggregateColumn(field.Field.Name, field.CanonicalPath, field.Field, null));
        }

        var groups = new List<(object?[] Key, List<SObjectRecord> Members)>();
        var byKey = new Dictionary<string, List<SObjectRecord>>(StringComparer.Ordinal);
        if (groupBy.Count == 0)
        {
            groups.Add(([], records));
        }
        else
        {
            foreach (var record in records)
            {
                var key = groupBy.Select(g => g.Resolve(record, store)).ToArray();
                var text = string.Join('\u0001', key.Select(KeyText));
                if (!byKey.TryGetValue(text, out var members))
                {
                    members = [];
                    byKey[text] = members;
                    groups.Add((key, members));
                }

                members.Add(record);
            }
        }

        var ordering = query.OrderBy.Select(o => (Index: IndexOfGroup(groupBy, store, o), Order: o)).ToList();
        groups.Sort((a, b) =>
        {
            foreach (var (index, order) in ordering)
            {
                var result = SoqlValues.CompareForSort(a.Key[index], b.Key[index], order.Descending, order.NullsFirst);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        });

        IEnumerable<(object?[] Key, List<SObjectRecord> Members)> page = groups;
        page = query.Offset is { } offset ? page.Skip(offset) : page;
        page = query.Limit is { } limit ? page.Take(limit) : page;
        var rows = page.Select(g => items.Select(i => i.Item.Kind == SoqlSelectKind.Aggregate
            ? Compute(i.Item.Function!, g.Members.Select(r => i.Field.Resolve(r, store)).Where(v => v is not null).ToList())
            : i.Field.Resolve(g.Members[0], store)).ToArray()).ToList();
        return (columns, rows);
    }

    /// <summary>SUM and AVG need a number, as on a real org.</summary>
    public static void CheckArgument(SoqlSelectItem item, SoqlFieldRef field)
    {
        if (item.Function is "SUM" or "AVG" && field.Field.Type is not (FieldType.Int or FieldType.Double))
        {
            throw SoqlErrors.BadField(item.Path!.Segments[^1].Position,
                $"field {field.Field.Name} does not support aggregate operator {item.Function}");
        }
    }

    private static int IndexOfGroup(IReadOnlyList<SoqlFieldRef> groupBy, OrgStore store, SoqlOrdering order)
    {
        for (var i = 0; i < groupBy.Count; i++)
        {
            if (string.Equals(groupBy[i].CanonicalPath, order.Path.Text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(groupBy[i].Field.Name, order.Path.Text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw SoqlErrors.Malformed(order.Path.Position, $"Ordered field must be grouped or aggregated: {order.Path.Text}");
    }

    private static object? Compute(string function, List<object?> values) => function switch
    {
        "COUNT" => (long)values.Count,
        "COUNT_DISTINCT" => (long)values.Select(KeyText).Distinct(StringComparer.Ordinal).Count(),
        "MIN" => values.Count == 0 ? null : values.Aggregate((a, b) => SoqlValues.Compare(a!, b!) <= 0 ? a : b),
        "MAX" => values.Count == 0 ? null : values.Aggregate((a, b) => SoqlValues.Compare(a!, b!) >= 0 ? a : b),
        "SUM" => values.Count == 0 ? null : values.Sum(v => System.Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        _ => values.Count == 0 ? null : values.Average(v => System.Convert.ToDouble(v, CultureInfo.InvariantCulture)),
    };

    /// <summary>Grouping and distinct counting ignore case for text, like Salesforce.</summary>
    private static string KeyText(object? value) => value switch
    {
        null => "\u0000",
        string s => "s" + s.ToUpperInvariant(),
        DateTimeOffset d => "d" + d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        _ => value.GetType().Name + System.Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
