namespace Byoc.Emulator.Soql.Ast;

/// <summary>A literal in a condition.</summary>
/// <param name="Kind">Literal kind.</param>
/// <param name="Value">String (unescaped), decimal, bool, null, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>, or the keyword name.</param>
/// <param name="Text">Source text.</param>
/// <param name="Position">Offset.</param>
/// <param name="Amount">The <c>n</c> of <c>LAST_N_DAYS:n</c> style keywords.</param>
internal sealed record SoqlLiteral(SoqlLiteralKind Kind, object? Value, string Text, int Position, int Amount = 0);
