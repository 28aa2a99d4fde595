using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql;

/// <summary>The rows of a query and how to present them.</summary>
/// <param name="Type">The queried type.</param>
/// <param name="Columns">The selected fields and relationships in SELECT order.</param>
/// <param name="Records">Matching records after ORDER BY, OFFSET and LIMIT (empty for aggregate queries).</param>
/// <param name="Aggregates">The AggregateResult columns of a <c>COUNT(field)</c> query; empty otherwise.</param>
/// <param name="IsCountOnly">A <c>SELECT COUNT()</c> query: no rows, the count is <paramref name="TotalSize"/>.</param>
/// <param name="TotalSize">What the REST API reports as <c>totalSize</c>.</param>
internal sealed record SoqlResult(
    SObjectDefinition Type,
    IReadOnlyList<SoqlSelectNode> Columns,
    IReadOnlyList<SObjectRecord> Records,
    IReadOnlyList<SoqlAggregateColumn> Aggregates,
    bool IsCountOnly,
    int TotalSize)
{
    public bool IsAggregate => Aggregates.Count > 0;

    public bool IdSelected => Columns.Any(c => c.Field is { Type: FieldType.Id });
}
