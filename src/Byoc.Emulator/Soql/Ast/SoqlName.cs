namespace Byoc.Emulator.Soql.Ast;

/// <summary>A name as written in the query, with its 0-based offset (for error carets).</summary>
internal sealed record SoqlName(string Text, int Position);
