namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A field of an sObject variable: <c>channel.SessionHandlerId</c>.</summary>
internal sealed record FieldExpression(ApexExpression Target, string Field, int Line, int Column) : ApexExpression(Line, Column);
