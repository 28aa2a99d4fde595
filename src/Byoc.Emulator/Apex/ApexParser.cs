using Byoc.Emulator.Apex.Syntax;

namespace Byoc.Emulator.Apex;

/// <summary>
/// Parses the anonymous-Apex subset the emulated org runs (see <see cref="AnonymousApexExecutor"/>). Valid Apex outside
/// the subset is a compile problem that says so, at the position of the first unsupported token; invalid Apex gets
/// Salesforce's wording (<c>Missing ';' at 'update'</c>, <c>Unexpected token 'x'.</c>).
/// </summary>
internal sealed partial class ApexParser
{
    private static readonly HashSet<string> s_unsupportedStatementKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "while", "do", "try", "catch", "finally", "throw", "return", "break", "continue", "switch", "class",
        "interface", "enum", "public", "private", "protected", "global", "static", "final", "virtual", "abstract",
        "override", "transient", "with", "without", "upsert", "merge", "undelete", "trigger",
    };

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "else", "new", "null", "true", "false", "insert", "update", "delete", "this", "super", "instanceof",
    };

    private const int MaxDepth = 100;

    /// <summary>Binary chains build left-deep trees that the binder and interpreter walk recursively; this bounds them.</summary>
    private const int MaxOperators = 2000;

    private readonly IReadOnlyList<ApexToken> _tokens;
    private int _index;
    private int _depth;
    private int _operators;

    private ApexParser(IReadOnlyList<ApexToken> tokens)
    {
        _tokens = tokens;
    }

    private ApexToken Current => _tokens[_index];

    public static BlockStatement Parse(string source)
    {
        var parser = new ApexParser(ApexLexer.Tokenize(source));
        var statements = new List<ApexStatement>();
        while (parser.Current.Kind != ApexTokenKind.EndOfFile)
        {
            statements.Add(parser.ParseStatement());
        }

        return new BlockStatement(statements, 1, 1);
    }

    private ApexStatement ParseStatement()
    {
        using var depth = Nest();
        var token = Current;
        if (token.Is("{"))
        {
            return ParseBlock();
        }

        if (token.Is(";"))
        {
            _index++;
            return new BlockStatement([], token.Line, token.Column);
        }

        if (token.Kind == ApexTokenKind.Identifier)
        {
            if (token.Is("if"))
            {
                return ParseIf();
            }

            if (token.Is("insert") || token.Is("update") || token.Is("delete"))
            {
                _index++;
                var target = ParseExpression();
                ExpectSemicolon();
                return new DmlStatement(token.Text.ToLowerInvariant(), target, token.Line, token.Column);
            }

            if (s_unsupportedStatementKeywords.Contains(token.Text))
            {
                throw Unsupported(token, $"'{token.Text}' statements and declarations");
            }

            if (IsDeclarationStart())
            {
                return ParseDeclaration();
            }
        }

        var expression = ParseExpression();
        if (Current.Is("="))
        {
            _index++;
            if (expression is not (VariableExpression or FieldExpression))
            {
                throw new ApexCompileException("Expression cannot be assigned", expression.Line, expression.Column);
            }

            var value = ParseExpression();
            ExpectSemicolon();
            return new AssignmentStatement(expression, value, token.Line, token.Column);
        }

        if (Current.Is("+=") || Current.Is("-=") || Current.Is("*=") || Current.Is("/=") || Current.Is("++") || Current.Is("--"))
        {
            throw Unsupported(Current, $"the '{Current.Text}' operator");
        }

        if (expression is DebugCallExpression debug)
        {
            ExpectSemicolon();
            return new DebugStatement(debug.Message, token.Line, token.Column);
        }

        if (Current.Is(";") || Current.Kind == ApexTokenKind.EndOfFile)
        {
            throw new ApexCompileException("Expression cannot be a statement.", token.Line, token.Column);
        }

        throw new ApexCompileException($"Missing ';' at '{Current.Display}'", Current.Line, Current.Column);
    }

    private BlockStatement ParseBlock()
    {
        var open = Expect("{");
        var statements = new List<ApexStatement>();
        while (!Current.Is("}"))
        {
            if (Current.Kind == ApexTokenKind.EndOfFile)
            {
                throw new ApexCompileException("Missing '}' at '<EOF>'", Current.Line, Current.Column);
            }

            statements.Add(ParseStatement());
        }

        _index++;
        return new BlockStatement(statements, open.Line, open.Column);
    }

    private IfStatement ParseIf()
    {
        var keyword = Current;
        _index++;
        Expect("(");
        var condition = ParseExpression();
        Expect(")");
        var then = ParseStatement();
        ApexStatement? otherwise = null;
        if (Current.Is("else"))
        {
            _index++;
            otherwise = ParseStatement();
        }

        return new IfStatement(condition, then, otherwise, keyword.Line, keyword.Column);
    }

    /// <summary>A declaration starts with a type (an identifier, maybe generic) followed by the variable name.</summary>
    private bool IsDeclarationStart()
    {
        var i = _index + 1;
        if (_tokens[i].Is("<"))
        {
            var depth = 0;
            for (; i < _tokens.Count; i++)
            {
                if (_tokens[i].Is("<"))
                {
                    depth++;
                }
                else if (_tokens[i].Is(">"))
                {
                    depth--;
                    if (depth == 0)
                    {
                        i++;
                        break;
                    }
                }
                else if (_tokens[i].Kind != ApexTokenKind.Identifier && !_tokens[i].Is(",") && !_tokens[i].Is("."))
                {
                    return false;
                }
            }
        }
        else if (_tokens[i].Is("["))
        {
            throw Unsupported(_tokens[i], "array types and list indexing");
        }

        return i < _tokens.Count && _tokens[i].Kind == ApexTokenKind.Identifier && !s_reserved.Contains(_tokens[i].Text);
    }

    private DeclarationStatement ParseDeclaration()
    {
        var start = Current;
        var type = ParseType();
        var name = Current;
        _index++;
        ApexExpression? initializer = null;
        if (Current.Is("="))
        {
            _index++;
            initializer = ParseExpression();
        }
        else if (Current.Is(","))
        {
            throw Unsupported(Current, "declaring several variables in one statement");
        }

        ExpectSemicolon();
        return new DeclarationStatement(type, name.Text, initializer, start.Line, start.Column);
    }

    private ApexTypeReference ParseType()
    {
        var name = Current;
        if (name.Kind != ApexTokenKind.Identifier)
        {
            throw new ApexCompileException($"Unexpected token '{name.Display}'.", name.Line, name.Column);
        }

        _index++;
        if (Current.Is("."))
        {
            throw Unsupported(Current, "qualified type names");
        }

        if (!Current.Is("<"))
        {
            return new ApexTypeReference(name.Text, null, name.Line, name.Column);
        }

        _index++;
        var element = ParseType();
        if (Current.Is(","))
        {
            throw Unsupported(Current, $"the generic type {name.Text}<{element}, ...>");
        }

        Expect(">");
        return new ApexTypeReference(name.Text, element, name.Line, name.Column);
    }

    private ApexToken Expect(string symbol)
    {
        var token = Current;
        if (!token.Is(symbol))
        {
            throw new ApexCompileException($"Missing '{symbol}' at '{token.Display}'", token.Line, token.Column);
        }

        _index++;
        return token;
    }

    private void ExpectSemicolon() => Expect(";");

    /// <summary>Bounds recursion so that pathological nesting is a compile problem, not a stack overflow.</summary>
    private DepthScope Nest()
    {
        if (++_depth > MaxDepth)
        {
            throw new ApexCompileException("Expression or block nested too deeply.", Current.Line, Current.Column);
        }

        return new DepthScope(this);
    }

    private static ApexCompileException Unsupported(ApexToken token, string what) =>
        new($"Not supported by the emulated org's Apex subset: {what}.", token.Line, token.Column);

    private readonly struct DepthScope(ApexParser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }
}
