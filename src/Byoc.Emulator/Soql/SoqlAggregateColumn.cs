using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql;

/// <summary>
/// One column of an AggregateResult row: a grouped field (named by the field, e.g. <c>Status</c>) or an aggregate
/// function (named by its alias or <c>exprN</c>, shown as <c>COUNT(Id)</c>).
/// </summary>
/// <param name="ColumnName">Key in the row.</param>
/// <param name="DisplayName">What <c>columns=true</c> reports as displayName.</param>
/// <param name="Field">The grouped or aggregated field.</param>
/// <param name="Function">The aggregate function, or null for a grouped field.</param>
internal sealed record SoqlAggregateColumn(string ColumnName, string DisplayName, FieldDefinition Field, string? Function)
{
    public bool IsAggregate => Function is not null;
}
