namespace Byoc.Emulator.Apex.Syntax;

/// <summary>An inline SOQL query; <see cref="Soql"/> is the text between the brackets, bind variables included.</summary>
internal sealed record QueryExpression(string Soql, int Line, int Column) : ApexExpression(Line, Column);
