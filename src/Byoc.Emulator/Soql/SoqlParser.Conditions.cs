using Byoc.Emulator.Soql.Ast;

namespace Byoc.Emulator.Soql;

/// <summary>The WHERE grammar: AND/OR/NOT, comparisons, LIKE, IN lists, semi-joins and literals.</summary>
internal sealed partial class SoqlParser
{
    private static readonly HashSet<string> s_dateKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "TODAY", "YESTERDAY", "TOMORROW", "THIS_WEEK", "LAST_WEEK", "NEXT_WEEK", "THIS_MONTH", "LAST_MONTH", "NEXT_MONTH",
        "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "LAST_90_DAYS", "NEXT_90_DAYS",
    };

    private static readonly HashSet<string> s_dateKeywordsWithAmount = new(StringComparer.OrdinalIgnoreCase)
    {
        "LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS", "NEXT_N_WEEKS", "LAST_N_MONTHS", "NEXT_N_MONTHS",
    };

    private SoqlCondition ParseCondition()
    {
        var first = ParseUnary();
        if (!Current.IsKeyword("AND") && !Current.IsKeyword("OR"))
        {
            return first;
        }

        // SOQL refuses AND and OR at the same level without parentheses; the second kind is the unexpected token.
        var isAnd = Current.IsKeyword("AND");
        var operands = new List<SoqlCondition> { first };
        while (TryKeyword(isAnd ? "AND" : "OR"))
        {
            operands.Add(ParseUnary());
        }

        return new SoqlLogical(isAnd, operands);
    }

    private SoqlCondition ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw SoqlErrors.Malformed(Current.Position, $"Query is too complicated: more than {MaxDepth} nested conditions");
        }

        try
        {
            if (TryKeyword("NOT"))
            {
                return new SoqlNot(ParseUnary());
            }

            if (Current.Kind == SoqlTokenKind.OpenParen)
            {
                Advance();
                var inner = ParseCondition();
                Expect(SoqlTokenKind.CloseParen);
                return inner;
            }

            return ParseSimple();
        }
        finally
        {
            _depth--;
        }
    }

    private SoqlCondition ParseSimple()
    {
        var path = ParsePath();
        var negated = false;
        if (Current.IsKeyword("NOT") && Peek(1).IsKeyword("IN"))
        {
            Advance();
            negated = true;
        }

        if (TryKeyword("IN"))
        {
            return ParseIn(path, negated);
        }

        if (negated)
        {
            throw SoqlErrors.UnexpectedToken(Current);
        }

        var op = Current;
        if (op.IsKeyword("LIKE"))
        {
            Advance();
            return new SoqlComparison(path, "LIKE", ParseLiteral(), op.Position);
        }

        if (op.Kind != SoqlTokenKind.Operator)
        {
            throw SoqlErrors.UnexpectedToken(op);
        }

        Advance();
        return new SoqlComparison(path, op.Text == "<>" ? "!=" : op.Text, ParseLiteral(), op.Position);
    }

    private SoqlIn ParseIn(SoqlPath path, bool negated)
    {
        Expect(SoqlTokenKind.OpenParen);
        if (Current.IsKeyword("SELECT"))
        {
            var subQuery = ParseQuery();
            Expect(SoqlTokenKind.CloseParen);
            return new SoqlIn(path, negated, [], subQuery);
        }

        var values = new List<SoqlLiteral> { ParseLiteral() };
        while (Current.Kind == SoqlTokenKind.Comma)
        {
            Advance();
            values.Add(ParseLiteral());
        }

        Expect(SoqlTokenKind.CloseParen);
        return new SoqlIn(path, negated, values, null);
    }

    private SoqlLiteral ParseLiteral()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case SoqlTokenKind.String:
                return new SoqlLiteral(SoqlLiteralKind.String, token.Value, token.Text, token.Position);
            case SoqlTokenKind.Number:
                return new SoqlLiteral(SoqlLiteralKind.Number, token.Value, token.Text, token.Position);
            case SoqlTokenKind.Date:
                return new SoqlLiteral(SoqlLiteralKind.Date, token.Value, token.Text, token.Position);
            case SoqlTokenKind.DateTime:
                return new SoqlLiteral(SoqlLiteralKind.DateTime, token.Value, token.Text, token.Position);
            case SoqlTokenKind.Identifier when token.IsKeyword("NULL"):
                return new SoqlLiteral(SoqlLiteralKind.Null, null, token.Text, token.Position);
            case SoqlTokenKind.Identifier when token.IsKeyword("TRUE") || token.IsKeyword("FALSE"):
                return new SoqlLiteral(SoqlLiteralKind.Boolean, token.IsKeyword("TRUE"), token.Text, token.Position);
            case SoqlTokenKind.Identifier when s_dateKeywords.Contains(token.Text):
                return new SoqlLiteral(SoqlLiteralKind.DateKeyword, token.Text.ToUpperInvariant(), token.Text, token.Position);
            case SoqlTokenKind.Identifier when s_dateKeywordsWithAmount.Contains(token.Text):
                Expect(SoqlTokenKind.Colon);
                var amount = ExpectInteger();
                return new SoqlLiteral(SoqlLiteralKind.DateKeyword, token.Text.ToUpperInvariant(), token.Text, token.Position, amount);
            default:
                throw SoqlErrors.UnexpectedToken(token);
        }
    }
}
