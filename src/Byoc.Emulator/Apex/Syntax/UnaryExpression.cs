namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A prefix operation: <c>!</c> or unary <c>-</c>.</summary>
internal sealed record UnaryExpression(string Operator, ApexExpression Operand, int Line, int Column) : ApexExpression(Line, Column);
