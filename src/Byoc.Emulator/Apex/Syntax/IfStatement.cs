namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>if (condition) then [else otherwise]</c></summary>
internal sealed record IfStatement(ApexExpression Condition, ApexStatement Then, ApexStatement? Else, int Line, int Column)
    : ApexStatement(Line, Column);
