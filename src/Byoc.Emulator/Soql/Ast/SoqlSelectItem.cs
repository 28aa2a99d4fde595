namespace Byoc.Emulator.Soql.Ast;

/// <summary>One SELECT list entry.</summary>
/// <param name="Kind">Field, <c>COUNT()</c> or <c>COUNT(field)</c>.</param>
/// <param name="Path">The field (for <see cref="SoqlSelectKind.Field"/> and <see cref="SoqlSelectKind.CountField"/>).</param>
/// <param name="Alias">The alias of an aggregate, if any.</param>
/// <param name="Position">Offset of the entry.</param>
internal sealed record SoqlSelectItem(SoqlSelectKind Kind, SoqlPath? Path, string? Alias, int Position);
