namespace Byoc.Emulator.Apex.Syntax;

/// <summary>A binary operation: <c>+ - == != &lt; &gt; &lt;= &gt;= &amp;&amp; ||</c>.</summary>
internal sealed record BinaryExpression(string Operator, ApexExpression Left, ApexExpression Right, int Line, int Column)
    : ApexExpression(Line, Column);
