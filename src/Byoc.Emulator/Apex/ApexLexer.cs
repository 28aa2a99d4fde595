using System.Text;

namespace Byoc.Emulator.Apex;

/// <summary>
/// Splits anonymous Apex into tokens, tracking 1-based lines and columns. Skips <c>//</c> and <c>/* */</c> comments and
/// captures an inline SOQL query (<c>[SELECT ...]</c>) as one token whose text the query layer parses.
/// </summary>
internal sealed class ApexLexer
{
    private static readonly string[] s_symbols =
    [
        "&&", "||", "==", "!=", "<=", ">=", "++", "--", "+=", "-=", "*=", "/=", "=>",
        "+", "-", "*", "/", "%", "=", "<", ">", "!", "(", ")", "{", "}", "[", "]", ";", ",", ".", "?", ":", "&", "|", "^", "~", "@",
    ];

    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _column = 1;

    private ApexLexer(string source)
    {
        _source = source;
    }

    public static IReadOnlyList<ApexToken> Tokenize(string source)
    {
        var lexer = new ApexLexer(source);
        var tokens = new List<ApexToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == ApexTokenKind.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private ApexToken Next()
    {
        SkipTrivia();
        var line = _line;
        var column = _column;
        if (_position >= _source.Length)
        {
            return new ApexToken(ApexTokenKind.EndOfFile, "", line, column);
        }

        var c = _source[_position];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _position;
            while (_position < _source.Length && (char.IsAsciiLetterOrDigit(_source[_position]) || _source[_position] == '_'))
            {
                Advance();
            }

            return new ApexToken(ApexTokenKind.Identifier, _source[start.._position], line, column);
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _position;
            while (_position < _source.Length && char.IsAsciiLetterOrDigit(_source[_position]))
            {
                Advance();
            }

            return new ApexToken(ApexTokenKind.Integer, _source[start.._position], line, column);
        }

        if (c == '\'')
        {
            return ReadString(line, column);
        }

        if (c == '[' && LooksLikeQuery())
        {
            return ReadQuery(line, column);
        }

        foreach (var symbol in s_symbols)
        {
            if (string.CompareOrdinal(_source, _position, symbol, 0, symbol.Length) == 0)
            {
                for (var i = 0; i < symbol.Length; i++)
                {
                    Advance();
                }

                return new ApexToken(ApexTokenKind.Symbol, symbol, line, column);
            }
        }

        throw new ApexCompileException($"Unexpected character '{c}'.", line, column);
    }

    private void SkipTrivia()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _source.Length && _source[_position] != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var (line, column) = (_line, _column);
                Advance();
                Advance();
                while (!(Peek(0) == '*' && Peek(1) == '/'))
                {
                    if (_position >= _source.Length)
                    {
                        throw new ApexCompileException("Unterminated comment.", line, column);
                    }

                    Advance();
                }

                Advance();
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private ApexToken ReadString(int line, int column)
    {
        Advance();
        var value = new StringBuilder();
        var start = _position - 1;
        while (true)
        {
            if (_position >= _source.Length || _source[_position] == '\n')
            {
                throw new ApexCompileException("Unterminated string literal.", line, column);
            }

            var c = _source[_position];
            Advance();
            if (c == '\'')
            {
                return new ApexToken(ApexTokenKind.String, _source[start.._position], line, column, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (_position >= _source.Length)
            {
                throw new ApexCompileException("Unterminated string literal.", line, column);
            }

            var escaped = _source[_position];
            var (escapeLine, escapeColumn) = (_line, _column - 1);
            Advance();
            value.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '\'' or '"' or '\\' => escaped,
                _ => throw new ApexCompileException(
                    $"Invalid string literal '\\{escaped}'. Illegal character sequence '\\{escaped}' in string literal.",
                    escapeLine, escapeColumn),
            });
        }
    }

    private bool LooksLikeQuery()
    {
        var i = _position + 1;
        while (i < _source.Length && char.IsWhiteSpace(_source[i]))
        {
            i++;
        }

        return i + 6 <= _source.Length && string.Compare(_source, i, "select", 0, 6, StringComparison.OrdinalIgnoreCase) == 0 &&
            (i + 6 == _source.Length || !char.IsAsciiLetterOrDigit(_source[i + 6]));
    }

    private ApexToken ReadQuery(int line, int column)
    {
        Advance();
        var start = _position;
        var inString = false;
        while (true)
        {
            if (_position >= _source.Length)
            {
                throw new ApexCompileException("Missing ']' at '<EOF>'", _line, _column);
            }

            var c = _source[_position];
            if (inString && c == '\\')
            {
                Advance();
            }
            else if (c == '\'')
            {
                inString = !inString;
            }
            else if (c == ']' && !inString)
            {
                var text = _source[start.._position];
                Advance();
                return new ApexToken(ApexTokenKind.Query, text, line, column);
            }

            Advance();
        }
    }

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private void Advance()
    {
        if (_position >= _source.Length)
        {
            return;
        }

        if (_source[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }
}
