namespace Byoc.Emulator.Soql.Ast;

/// <summary>A WHERE expression.</summary>
internal abstract record SoqlCondition;
