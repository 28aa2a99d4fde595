namespace Byoc.Emulator.Soql;

/// <summary>One aggregate of an AggregateResult row: <c>expr0</c> (or the alias) shown as <c>COUNT(Id)</c>.</summary>
internal sealed record SoqlAggregateColumn(string ColumnName, string DisplayName, long Value);
