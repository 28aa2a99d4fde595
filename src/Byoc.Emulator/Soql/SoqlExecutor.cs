using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql.Ast;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Soql;

/// <summary>Binds a parsed query to the schema and runs it over the store's current records.</summary>
internal sealed class SoqlExecutor(OrgStore store, ApiSurface surface, DateTimeOffset now)
{
    /// <summary>The largest OFFSET Salesforce accepts.</summary>
    public const int MaxOffset = 2000;

    public SoqlResult Run(SoqlQuery query)
    {
        var type = SoqlBinder.BindType(store.Schema, query.From, surface);
        var fields = new List<SoqlFieldRef>();
        var items = new List<(SoqlSelectItem Item, SoqlFieldRef Field)>();
        var countOnly = false;
        foreach (var item in query.Select)
        {
            switch (item.Kind)
            {
                case SoqlSelectKind.Count:
                    countOnly = true;
                    break;
                case SoqlSelectKind.Fields:
                    // FIELDS(ALL) and FIELDS(CUSTOM) are bounded like on a real org; STANDARD is not.
                    if (item.Alias != "STANDARD" && query.Limit is not (>= 0 and <= 200))
                    {
                        throw SoqlErrors.Malformed(item.Position, "The SOQL FIELDS function must have a LIMIT of at most 200");
                    }

                    fields.AddRange(type.Fields
                        .Where(f => item.Alias == "ALL" || f.Custom == (item.Alias == "CUSTOM"))
                        .Where(f => !fields.Exists(existing => existing.Steps.Count == 0 && existing.Field.Name == f.Name))
                        .Select(f => new SoqlFieldRef([], f)));
                    break;
                default:
                    var field = SoqlBinder.BindPath(store.Schema, type, item.Path!);
                    if (item.Kind == SoqlSelectKind.Aggregate)
                    {
                        SoqlAggregator.CheckArgument(item, field);
                    }
                    else if (fields.Exists(f => string.Equals(f.CanonicalPath, field.CanonicalPath, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw SoqlErrors.DuplicateField(item.Position, item.Path!.Text);
                    }
                    else
                    {
                        fields.Add(field);
                    }

                    items.Add((item, field));
                    break;
            }
        }

        if (query.Offset > MaxOffset)
        {
            throw new SoqlException("NUMBER_OUTSIDE_VALID_RANGE", query.From.Position, $"Maximum SOQL offset allowed is {MaxOffset}");
        }

        var groupBy = query.GroupBy.Select(p => BindGroupField(type, p)).ToList();
        var aggregated = items.Exists(i => i.Item.Kind == SoqlSelectKind.Aggregate) || groupBy.Count > 0;
        CheckGrouping(query, countOnly, aggregated, groupBy);

        var filter = query.Where is null
            ? (_ => true)
            : new SoqlFilterCompiler(store, type, now, SemiJoin).Compile(query.Where);
        var records = store.Records(type.Name).Where(filter).ToList();
        if (aggregated && !countOnly)
        {
            var (columns, rows) = SoqlAggregator.Run(query, items, groupBy, records, store);
            return new SoqlResult(type, [], [], columns, rows, false, groupBy.Count > 0, rows.Count);
        }

        Sort(records, query.OrderBy.Select(o => (Field: BindSortField(type, o.Path), Order: o)).ToList());
        IEnumerable<SObjectRecord> page = records;
        page = query.Offset is { } offset ? page.Skip(offset) : page;
        page = query.Limit is { } limit ? page.Take(limit) : page;
        var selected = page.ToList();
        if (countOnly)
        {
            var count = groupBy.Count == 0 ? selected.Count : selected.Select(r => string.Join('\u0001', groupBy.Select(g => g.Resolve(r, store)))).Distinct().Count();
            return new SoqlResult(type, [], [], [], [], true, groupBy.Count > 0, count);
        }

        return new SoqlResult(type, SoqlSelectNode.BuildTree(fields), selected, [], [], false, false, selected.Count);
    }

    private static void CheckGrouping(SoqlQuery query, bool countOnly, bool aggregated, List<SoqlFieldRef> groupBy)
    {
        SoqlSelectItem? extra = null;
        if (countOnly && query.Select.Count > 1)
        {
            extra = query.Select.FirstOrDefault(i => i.Kind != SoqlSelectKind.Count) ?? query.Select[1];
        }
        else if (aggregated)
        {
            extra = query.Select.FirstOrDefault(i => i.Kind == SoqlSelectKind.Fields ||
                (i.Kind == SoqlSelectKind.Field && !groupBy.Exists(g => string.Equals(g.CanonicalPath, i.Path!.Text, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(g.Field.Name, i.Path!.Text, StringComparison.OrdinalIgnoreCase))));
        }

        if (extra is not null)
        {
            throw SoqlErrors.NotGrouped(extra.Position, extra.Kind switch
            {
                SoqlSelectKind.Fields => $"FIELDS({extra.Alias})",
                SoqlSelectKind.Count => "COUNT()",
                _ => extra.Path!.Text,
            });
        }
    }

    private void Sort(List<SObjectRecord> records, List<(SoqlFieldRef Field, SoqlOrdering Order)> ordering)
    {
        if (ordering.Count == 0)
        {
            return;
        }

        var keys = records.ToDictionary(r => r.Id, r => ordering.Select(o => o.Field.Resolve(r, store)).ToArray());
        records.Sort((a, b) =>
        {
            for (var i = 0; i < ordering.Count; i++)
            {
                var order = SoqlValues.CompareForSort(keys[a.Id][i], keys[b.Id][i], ordering[i].Order.Descending, ordering[i].Order.NullsFirst);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Sequence.CompareTo(b.Sequence);
        });
    }

    private SoqlFieldRef BindSortField(SObjectDefinition type, SoqlPath path)
    {
        var field = SoqlBinder.BindPath(store.Schema, type, path);
        if (field.Field.Type == FieldType.TextArea && field.Field.Length > 255)
        {
            throw SoqlErrors.NotSortable(path.Segments[^1].Position, field.Field.Name);
        }

        return field;
    }

    private SoqlFieldRef BindGroupField(SObjectDefinition type, SoqlPath path)
    {
        var field = SoqlBinder.BindPath(store.Schema, type, path);
        // Datetime, double and long text fields cannot be grouped on a real org.
        if (field.Field.Type is FieldType.DateTime or FieldType.Double || (field.Field.Type == FieldType.TextArea && field.Field.Length > 255))
        {
            throw SoqlErrors.NotGroupable(path.Segments[^1].Position, field.Field.Name);
        }

        return field;
    }

    /// <summary>Runs the inner query of <c>Id IN (SELECT BotDefinitionId FROM BotVersion …)</c>: the ids it selects.</summary>
    private HashSet<string> SemiJoin(SoqlQuery inner)
    {
        if (inner.Select is not [{ Kind: SoqlSelectKind.Field } item])
        {
            throw SoqlErrors.Malformed(inner.Select[0].Position, "The inner select field of a semi join must be a single Id or reference field");
        }

        var result = Run(inner);
        var field = SoqlBinder.BindPath(store.Schema, result.Type, item.Path!);
        if (field.Field.Type is not (FieldType.Id or FieldType.Reference))
        {
            throw SoqlErrors.Malformed(item.Position, "The inner select field of a semi join must be a single Id or reference field");
        }

        return result.Records.Select(r => field.Resolve(r, store)).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
