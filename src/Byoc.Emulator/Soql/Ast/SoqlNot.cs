namespace Byoc.Emulator.Soql.Ast;

/// <summary><c>NOT condition</c>.</summary>
internal sealed record SoqlNot(SoqlCondition Operand) : SoqlCondition;
