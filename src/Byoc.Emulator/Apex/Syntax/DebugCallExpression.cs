namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A parsed <c>System.debug(x)</c> call; it returns void, so it is only valid as a statement.</summary>
internal sealed record DebugCallExpression(ApexExpression Message, int Line, int Column) : ApexExpression(Line, Column);
