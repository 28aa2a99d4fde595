namespace Byoc.Emulator.Soql.Ast;

/// <summary>A parsed SELECT statement.</summary>
internal sealed record SoqlQuery(
    IReadOnlyList<SoqlSelectItem> Select,
    SoqlName From,
    SoqlCondition? Where,
    IReadOnlyList<SoqlPath> GroupBy,
    IReadOnlyList<SoqlOrdering> OrderBy,
    int? Limit,
    int? Offset);
