namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A braced block (its own variable scope), or the whole anonymous block.</summary>
internal sealed record BlockStatement(IReadOnlyList<ApexStatement> Statements, int Line, int Column) : ApexStatement(Line, Column);
