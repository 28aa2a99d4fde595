namespace Byoc.Emulator.Soql.Ast;

/// <summary><c>a AND b AND …</c> or <c>a OR b OR …</c> (SOQL does not mix them without parentheses).</summary>
internal sealed record SoqlLogical(bool IsAnd, IReadOnlyList<SoqlCondition> Operands) : SoqlCondition;
