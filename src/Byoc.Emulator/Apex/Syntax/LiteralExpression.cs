namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A string, integer, boolean or <c>null</c> literal.</summary>
internal sealed record LiteralExpression(object? Value, int Line, int Column) : ApexExpression(Line, Column);
