namespace Byoc.Emulator.Apex.Syntax;

/// <summary><c>System.debug(message);</c></summary>
internal sealed record DebugStatement(ApexExpression Message, int Line, int Column) : ApexStatement(Line, Column);
