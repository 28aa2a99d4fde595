namespace Byoc.Emulator.Soql.Ast;

/// <summary>One SELECT list entry.</summary>
/// <param name="Kind">Field, <c>COUNT()</c>, an aggregate function or <c>FIELDS(…)</c>.</param>
/// <param name="Path">The field (for <see cref="SoqlSelectKind.Field"/> and <see cref="SoqlSelectKind.Aggregate"/>).</param>
/// <param name="Alias">The alias of an aggregate, if any (the group of <c>FIELDS(…)</c>).</param>
/// <param name="Position">Offset of the entry.</param>
/// <param name="Function">The aggregate function in upper case: COUNT, COUNT_DISTINCT, MIN, MAX, SUM or AVG.</param>
internal sealed record SoqlSelectItem(SoqlSelectKind Kind, SoqlPath? Path, string? Alias, int Position, string? Function = null);
