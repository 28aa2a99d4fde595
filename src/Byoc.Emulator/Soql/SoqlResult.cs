using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql;

/// <summary>The rows of a query and how to present them.</summary>
/// <param name="Type">The queried type.</param>
/// <param name="Columns">The selected fields and relationships in SELECT order (record queries).</param>
/// <param name="Records">Matching records after ORDER BY, OFFSET and LIMIT (empty for aggregate queries).</param>
/// <param name="AggregateColumns">The AggregateResult columns of an aggregate or GROUP BY query; empty otherwise.</param>
/// <param name="AggregateRows">The AggregateResult rows, values in <paramref name="AggregateColumns"/> order.</param>
/// <param name="IsCountOnly">A <c>SELECT COUNT()</c> query: no rows, the count is <paramref name="TotalSize"/>.</param>
/// <param name="IsGrouped">The query has GROUP BY.</param>
/// <param name="TotalSize">What the REST API reports as <c>totalSize</c>.</param>
internal sealed record SoqlResult(
    SObjectDefinition Type,
    IReadOnlyList<SoqlSelectNode> Columns,
    IReadOnlyList<SObjectRecord> Records,
    IReadOnlyList<SoqlAggregateColumn> AggregateColumns,
    IReadOnlyList<object?[]> AggregateRows,
    bool IsCountOnly,
    bool IsGrouped,
    int TotalSize)
{
    public bool IsAggregate => AggregateColumns.Count > 0;

    public bool IdSelected => Columns.Any(c => c.Field is { Type: FieldType.Id });
}
