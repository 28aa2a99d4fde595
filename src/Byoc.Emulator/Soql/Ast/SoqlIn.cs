namespace Byoc.Emulator.Soql.Ast;

/// <summary><c>path [NOT] IN (literals)</c> or the semi-join <c>path [NOT] IN (SELECT field FROM …)</c>.</summary>
internal sealed record SoqlIn(SoqlPath Path, bool Negated, IReadOnlyList<SoqlLiteral> Values, SoqlQuery? SubQuery) : SoqlCondition;
