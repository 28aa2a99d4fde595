namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A syntax node with the 1-based position of its first token.</summary>
internal abstract record ApexNode(int Line, int Column);
