using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Rest;

/// <summary>
/// The undocumented <c>query?q=…&amp;columns=true</c> answer the sf CLI needs to print results (org-emulation.md §4.3):
/// <c>columnMetadata</c> with relationships nested in <c>joinColumns</c>, plus <c>entityName</c>, <c>groupBy</c>,
/// <c>idSelected</c>, <c>keyPrefix</c>. Keys beyond the four the CLI reads follow the known examples (UNCONFIRMED set).
/// </summary>
internal static class ColumnMetadataWriter
{
    public static JsonObject Write(SoqlResult result)
    {
        var columns = new JsonArray();
        foreach (var aggregate in result.AggregateColumns)
        {
            var apexType = aggregate.Function switch
            {
                "COUNT" or "COUNT_DISTINCT" => "Integer",
                "SUM" or "AVG" => "Double",
                _ => ApexType(aggregate.Field.Type),
            };
            columns.Add(Column(aggregate.IsAggregate, apexType, apexType == "Boolean", aggregate.ColumnName, aggregate.Field.Custom,
                aggregate.DisplayName, false, [], apexType is "Integer" or "Double", apexType == "String", false));
        }

        foreach (var column in result.Columns)
        {
            columns.Add(Column(column));
        }

        return new JsonObject
        {
            ["columnMetadata"] = columns,
            ["entityName"] = result.IsAggregate ? "AggregateResult" : result.Type.Name,
            ["groupBy"] = result.IsGrouped,
            ["idSelected"] = result.IdSelected,
            ["keyPrefix"] = result.IsAggregate ? null : result.Type.KeyPrefix,
        };
    }

    private static JsonObject Column(SoqlSelectNode node)
    {
        if (node.Relationship is { } step)
        {
            var apexType = step.Targets.Count > 1 ? SoqlBinder.PolymorphicEntityName : step.Targets[0].Name;
            return Column(false, apexType, false, node.Name, false, node.DisplayPath, false, [.. node.Children.Select(Column)], false, false, false);
        }

        var field = node.Field!;
        var apex = ApexType(field.Type);
        return Column(false, apex, field.Type == FieldType.Boolean, field.Name, field.Custom, node.DisplayPath, field.Createable, [],
            field.Type is FieldType.Int or FieldType.Double, apex == "String", field.Updateable);
    }

    private static string ApexType(FieldType type) => type switch
    {
        FieldType.Id or FieldType.Reference => "Id",
        FieldType.Boolean => "Boolean",
        FieldType.Int => "Integer",
        FieldType.Double => "Double",
        FieldType.DateTime => "Datetime",
        FieldType.Date => "Date",
        _ => "String",
    };

    private static JsonObject Column(
        bool aggregate, string apexType, bool booleanType, string columnName, bool custom, string displayName, bool insertable,
        JsonNode?[] joinColumns, bool numberType, bool textType, bool updatable) => new()
        {
            ["aggregate"] = aggregate,
            ["apexType"] = apexType,
            ["booleanType"] = booleanType,
            ["columnName"] = columnName,
            ["custom"] = custom,
            ["displayName"] = displayName,
            ["foreignKeyName"] = null,
            ["insertable"] = insertable,
            ["joinColumns"] = new JsonArray(joinColumns),
            ["numberType"] = numberType,
            ["textType"] = textType,
            ["updatable"] = updatable,
        };
}
