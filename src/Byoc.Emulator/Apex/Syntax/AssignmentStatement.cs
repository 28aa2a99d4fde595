namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>target = value;</c> where the target is a variable or an sObject field.</summary>
internal sealed record AssignmentStatement(ApexExpression Target, ApexExpression Value, int Line, int Column)
    : ApexStatement(Line, Column);
