namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>insert x;</c>, <c>update x;</c> or <c>delete x;</c> on an sObject or a list of them.</summary>
internal sealed record DmlStatement(string Operation, ApexExpression Target, int Line, int Column) : ApexStatement(Line, Column);
