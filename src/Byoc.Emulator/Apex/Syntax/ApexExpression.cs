namespace Byoc.Emulator.Apex.Syntax;

/// <summary>An expression of the supported Apex subset.</summary>
internal abstract record ApexExpression(int Line, int Column) : ApexNode(Line, Column);
