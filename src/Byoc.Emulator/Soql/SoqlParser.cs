using Byoc.Emulator.Soql.Ast;

namespace Byoc.Emulator.Soql;

/// <summary>Recursive-descent parser for the SOQL subset the emulated org answers (SELECT … FROM … WHERE … ORDER BY … LIMIT … OFFSET).</summary>
internal sealed class SoqlParser
{
    /// <summary>Deepest nesting of parentheses/NOT accepted; deeper input is refused instead of exhausting the stack.</summary>
    public const int MaxDepth = 100;

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "LIMIT", "OFFSET", "NULL", "TRUE",
        "FALSE", "HAVING", "WITH", "USING", "FOR", "INCLUDES", "EXCLUDES", "NULLS", "ASC", "DESC",
    };

    private static readonly HashSet<string> s_dateKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "TODAY", "YESTERDAY", "TOMORROW", "THIS_WEEK", "LAST_WEEK", "NEXT_WEEK", "THIS_MONTH", "LAST_MONTH", "NEXT_MONTH",
        "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "LAST_90_DAYS", "NEXT_90_DAYS",
    };

    private static readonly HashSet<string> s_dateKeywordsWithAmount = new(StringComparer.OrdinalIgnoreCase)
    {
        "LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS", "NEXT_N_WEEKS", "LAST_N_MONTHS", "NEXT_N_MONTHS",
    };

    private static readonly HashSet<string> s_aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "COUNT_DISTINCT", "MIN", "MAX", "SUM", "AVG",
    };

    private readonly List<SoqlToken> _tokens;
    private int _index;
    private int _depth;

    private SoqlParser(List<SoqlToken> tokens) => _tokens = tokens;

    public static SoqlQuery Parse(string text)
    {
        var parser = new SoqlParser(SoqlLexer.Tokenize(text));
        var query = parser.ParseQuery();
        parser.Expect(SoqlTokenKind.End);
        return query;
    }

    private SoqlToken Current =>
        _tokens[_index] is { Kind: SoqlTokenKind.Invalid, Value: SoqlException error } ? throw error : _tokens[_index];

    private SoqlToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var select = new List<SoqlSelectItem> { ParseSelectItem() };
        while (Current.Kind == SoqlTokenKind.Comma)
        {
            Advance();
            select.Add(ParseSelectItem());
        }

        ExpectKeyword("FROM");
        var from = ExpectName();
        SoqlCondition? where = null;
        if (TryKeyword("WHERE"))
        {
            where = ParseCondition();
        }

        var groupBy = new List<SoqlPath>();
        if (TryKeyword("GROUP"))
        {
            ExpectKeyword("BY");
            groupBy.Add(ParsePath());
            while (Current.Kind == SoqlTokenKind.Comma)
            {
                Advance();
                groupBy.Add(ParsePath());
            }
        }

        var orderBy = new List<SoqlOrdering>();
        if (TryKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            orderBy.Add(ParseOrdering());
            while (Current.Kind == SoqlTokenKind.Comma)
            {
                Advance();
                orderBy.Add(ParseOrdering());
            }
        }

        int? limit = TryKeyword("LIMIT") ? ExpectInteger() : null;
        int? offset = TryKeyword("OFFSET") ? ExpectInteger() : null;
        return new SoqlQuery(select, from, where, groupBy, orderBy, limit, offset);
    }

    private SoqlSelectItem ParseSelectItem()
    {
        var start = Current;
        if (s_aggregates.Contains(start.Text) && start.Kind == SoqlTokenKind.Identifier && Peek(1).Kind == SoqlTokenKind.OpenParen)
        {
            Advance();
            Advance();
            if (start.IsKeyword("COUNT") && Current.Kind == SoqlTokenKind.CloseParen)
            {
                Advance();
                return new SoqlSelectItem(SoqlSelectKind.Count, null, null, start.Position);
            }

            var argument = ParsePath();
            Expect(SoqlTokenKind.CloseParen);
            string? alias = null;
            if (Current.Kind == SoqlTokenKind.Identifier && !s_reserved.Contains(Current.Text))
            {
                alias = Advance().Text;
            }

            return new SoqlSelectItem(SoqlSelectKind.Aggregate, argument, alias, start.Position, start.Text.ToUpperInvariant());
        }

        if (start.IsKeyword("FIELDS") && Peek(1).Kind == SoqlTokenKind.OpenParen)
        {
            Advance();
            Advance();
            var group = Current;
            if (!group.IsKeyword("ALL") && !group.IsKeyword("STANDARD") && !group.IsKeyword("CUSTOM"))
            {
                throw SoqlErrors.UnexpectedToken(group);
            }

            Advance();
            Expect(SoqlTokenKind.CloseParen);
            return new SoqlSelectItem(SoqlSelectKind.Fields, null, group.Text.ToUpperInvariant(), start.Position);
        }

        return new SoqlSelectItem(SoqlSelectKind.Field, ParsePath(), null, start.Position);
    }

    private SoqlPath ParsePath()
    {
        var segments = new List<SoqlName> { ExpectName() };
        while (Current.Kind == SoqlTokenKind.Dot)
        {
            Advance();
            segments.Add(ExpectName());
        }

        return new SoqlPath(segments);
    }

    private SoqlOrdering ParseOrdering()
    {
        var path = ParsePath();
        var descending = false;
        if (TryKeyword("DESC"))
        {
            descending = true;
        }
        else
        {
            TryKeyword("ASC");
        }

        var nullsFirst = !descending;
        if (TryKeyword("NULLS"))
        {
            if (TryKeyword("FIRST"))
            {
                nullsFirst = true;
            }
            else
            {
                ExpectKeyword("LAST");
                nullsFirst = false;
            }
        }

        return new SoqlOrdering(path, descending, nullsFirst);
    }

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

    private SoqlToken Peek(int ahead) =>
        _tokens[Math.Min(_index + ahead, _tokens.Count - 1)] is { Kind: SoqlTokenKind.Invalid, Value: SoqlException error }
            ? throw error
            : _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private bool TryKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw SoqlErrors.UnexpectedToken(Current);
        }
    }

    private SoqlToken Expect(SoqlTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw SoqlErrors.UnexpectedToken(Current);
        }

        return Advance();
    }

    private SoqlName ExpectName()
    {
        var token = Current;
        if (token.Kind != SoqlTokenKind.Identifier || s_reserved.Contains(token.Text))
        {
            throw SoqlErrors.UnexpectedToken(token);
        }

        Advance();
        return new SoqlName(token.Text, token.Position);
    }

    private int ExpectInteger()
    {
        var token = Current;
        if (token.Kind != SoqlTokenKind.Number || token.Value is not decimal number || number < 0 || number != decimal.Truncate(number) ||
            number > int.MaxValue)
        {
            throw SoqlErrors.UnexpectedToken(token);
        }

        Advance();
        return (int)number;
    }
}
