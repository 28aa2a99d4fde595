namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A statement of the supported Apex subset.</summary>
internal abstract record ApexStatement(int Line, int Column) : ApexNode(Line, Column);
