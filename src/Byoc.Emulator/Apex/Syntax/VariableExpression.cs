namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A local variable reference.</summary>
internal sealed record VariableExpression(string Name, int Line, int Column) : ApexExpression(Line, Column);
