using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Soql;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Rest;

/// <summary>Writes query rows: <c>attributes</c> first, then the selected columns in SELECT order, relationships nested.</summary>
internal static class QueryRecordWriter
{
    public static List<JsonNode> Write(SoqlResult result, OrgStore store, RestContext rest)
    {
        if (result.IsAggregate)
        {
            return [.. result.AggregateRows.Select(values =>
            {
                var row = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "AggregateResult" } };
                for (var i = 0; i < values.Length; i++)
                {
                    row[result.AggregateColumns[i].ColumnName] = RestValues.ToJson(values[i]);
                }

                return (JsonNode)row;
            })];
        }

        return [.. result.Records.Select(r => (JsonNode)WriteRecord(r, r.ObjectName, result.Columns, store, rest))];
    }

    public static JsonObject Attributes(string type, string url) => new() { ["type"] = type, ["url"] = url };

    private static JsonObject WriteRecord(
        SObjectRecord record, string attributesType, IReadOnlyList<SoqlSelectNode> columns, OrgStore store, RestContext rest)
    {
        var json = new JsonObject { ["attributes"] = Attributes(attributesType, rest.SObjectUrl(record.ObjectName, record.Id)) };
        foreach (var column in columns)
        {
            if (column.Relationship is { } step)
            {
                json[column.Name] = Follow(record, step, store) is { } related
                    ? WriteRecord(related, step.Targets.Count > 1 ? SoqlBinder.PolymorphicEntityName : related.ObjectName, column.Children, store, rest)
                    : null;
            }
            else
            {
                json[column.Name] = record.Type.FindField(column.Name) is null ? null : RestValues.ToJson(record[column.Name]);
            }
        }

        return json;
    }

    private static SObjectRecord? Follow(SObjectRecord record, SoqlRelationshipStep step, OrgStore store) =>
        record[step.ReferenceField.Name] is string id && store.Get(id) is { } related &&
        step.Targets.Any(t => string.Equals(t.Name, related.ObjectName, StringComparison.OrdinalIgnoreCase))
            ? related
            : null;
}
