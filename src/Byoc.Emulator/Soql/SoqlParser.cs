using Byoc.Emulator.Soql.Ast;

namespace Byoc.Emulator.Soql;

/// <summary>Recursive-descent parser for the SOQL subset the emulated org answers (SELECT … FROM … WHERE … ORDER BY … LIMIT … OFFSET).</summary>
internal sealed partial class SoqlParser
{
    /// <summary>Deepest nesting of parentheses/NOT accepted; deeper input is refused instead of exhausting the stack.</summary>
    public const int MaxDepth = 100;

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "LIMIT", "OFFSET", "NULL", "TRUE",
        "FALSE", "HAVING", "WITH", "USING", "FOR", "INCLUDES", "EXCLUDES", "NULLS", "ASC", "DESC",
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

        // Security and sharing modes change nothing for the org's single admin-like caller.
        if (TryKeyword("WITH"))
        {
            ExpectOneOf("SECURITY_ENFORCED", "USER_MODE", "SYSTEM_MODE");
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
        if (TryKeyword("FOR"))
        {
            ExpectOneOf("VIEW", "REFERENCE", "UPDATE");
        }

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

    private void ExpectOneOf(params ReadOnlySpan<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (TryKeyword(keyword))
            {
                return;
            }
        }

        throw SoqlErrors.UnexpectedToken(Current);
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
