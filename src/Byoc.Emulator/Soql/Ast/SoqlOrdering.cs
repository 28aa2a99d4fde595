namespace Byoc.Emulator.Soql.Ast;

/// <summary>One ORDER BY entry; nulls come first for ASC and last for DESC unless NULLS FIRST/LAST says otherwise.</summary>
internal sealed record SoqlOrdering(SoqlPath Path, bool Descending, bool NullsFirst);
