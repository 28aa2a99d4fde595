namespace Byoc.Emulator.Soql.Ast;

/// <summary><c>path op literal</c>; <paramref name="Operator"/> is one of <c>= != &lt; &lt;= &gt; &gt;= LIKE</c> (<c>&lt;&gt;</c> becomes <c>!=</c>).</summary>
internal sealed record SoqlComparison(SoqlPath Path, string Operator, SoqlLiteral Value, int OperatorPosition) : SoqlCondition;
