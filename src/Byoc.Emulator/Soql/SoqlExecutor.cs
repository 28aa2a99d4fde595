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
        var aggregates = new List<(SoqlSelectItem Item, SoqlFieldRef Field)>();
        var countOnly = false;
        foreach (var item in query.Select)
        {
            switch (item.Kind)
            {
                case SoqlSelectKind.Count:
                    countOnly = true;
                    break;
                case SoqlSelectKind.CountField:
                    aggregates.Add((item, SoqlBinder.BindPath(store.Schema, type, item.Path!)));
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
                    if (fields.Exists(f => string.Equals(f.CanonicalPath, field.CanonicalPath, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw SoqlErrors.DuplicateField(item.Position, item.Path!.Text);
                    }

                    fields.Add(field);
                    break;
            }
        }

        if (query.Offset > MaxOffset)
        {
            throw new SoqlException("NUMBER_OUTSIDE_VALID_RANGE", query.From.Position, $"Maximum SOQL offset allowed is {MaxOffset}");
        }

        if ((countOnly || aggregates.Count > 0) && query.Select.Count > (countOnly ? 1 : aggregates.Count))
        {
            var extra = query.Select.FirstOrDefault(i => i.Kind is SoqlSelectKind.Field or SoqlSelectKind.Fields) ??
                query.Select.Skip(1).First(i => i.Kind != SoqlSelectKind.CountField || countOnly);
            throw SoqlErrors.NotGrouped(extra.Position, extra.Kind switch
            {
                SoqlSelectKind.Fields => $"FIELDS({extra.Alias})",
                SoqlSelectKind.Count => "COUNT()",
                _ => extra.Path!.Text,
            });
        }

        var filter = query.Where is null
            ? (_ => true)
            : new SoqlFilterCompiler(store, type, now, SemiJoin).Compile(query.Where);
        var ordering = query.OrderBy.Select(o => (Field: BindSortField(type, o.Path), Order: o)).ToList();

        var records = store.Records(type.Name).Where(filter).ToList();
        if (ordering.Count > 0)
        {
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

        IEnumerable<SObjectRecord> page = records;
        if (query.Offset is { } offset)
        {
            page = page.Skip(offset);
        }

        if (query.Limit is { } limit)
        {
            page = page.Take(limit);
        }

        var selected = page.ToList();
        var columns = SoqlSelectNode.BuildTree(fields);
        if (countOnly)
        {
            return new SoqlResult(type, columns, [], [], true, selected.Count);
        }

        if (aggregates.Count > 0)
        {
            var values = aggregates.Select((a, i) => new SoqlAggregateColumn(
                a.Item.Alias ?? $"expr{i}", $"COUNT({a.Item.Path!.Text})", selected.Count(r => a.Field.Resolve(r, store) is not null)));
            return new SoqlResult(type, columns, [], [.. values], false, 1);
        }

        return new SoqlResult(type, columns, selected, [], false, selected.Count);
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
