using System.Globalization;
using Byoc.Emulator.Apex.Syntax;

namespace Byoc.Emulator.Apex;

internal sealed partial class ApexParser
{
    private ApexExpression ParseExpression() => ParseOr();

    private ApexExpression ParseOr() => ParseBinaryLevel(ParseAnd, "||");

    private ApexExpression ParseAnd() => ParseBinaryLevel(ParseEquality, "&&");

    private ApexExpression ParseEquality() => ParseBinaryLevel(ParseRelational, "==", "!=");

    private ApexExpression ParseRelational() => ParseBinaryLevel(ParseAdditive, "<", ">", "<=", ">=");

    private ApexExpression ParseAdditive() => ParseBinaryLevel(ParseUnary, "+", "-");

    private ApexExpression ParseBinaryLevel(Func<ApexExpression> next, params string[] operators)
    {
        var left = next();
        while (true)
        {
            var token = Current;
            if (token.Is("*") || token.Is("/") || token.Is("%") || token.Is("?") || token.Is("&") || token.Is("|") ||
                token.Is("^") || token.Is("===") || token.Is("instanceof"))
            {
                throw Unsupported(token, $"the '{token.Text}' operator");
            }

            if (!operators.Any(token.Is))
            {
                return left;
            }

            if (++_operators > MaxOperators)
            {
                throw new ApexCompileException("Expression too complex.", token.Line, token.Column);
            }

            _index++;
            var right = next();
            left = new BinaryExpression(token.Text, left, right, token.Line, token.Column);
        }
    }

    private ApexExpression ParseUnary()
    {
        using var depth = Nest();
        var token = Current;
        if (token.Is("!") || token.Is("-"))
        {
            _index++;
            return new UnaryExpression(token.Text, ParseUnary(), token.Line, token.Column);
        }

        if (token.Is("++") || token.Is("--") || token.Is("~"))
        {
            throw Unsupported(token, $"the '{token.Text}' operator");
        }

        return ParsePostfix(ParsePrimary());
    }

    private ApexExpression ParsePostfix(ApexExpression expression)
    {
        while (true)
        {
            var token = Current;
            if (token.Is("["))
            {
                throw Unsupported(token, "array types and list indexing");
            }

            if (!token.Is("."))
            {
                return expression;
            }

            _index++;
            var member = Current;
            if (member.Kind != ApexTokenKind.Identifier)
            {
                throw new ApexCompileException($"Unexpected token '{member.Display}'.", member.Line, member.Column);
            }

            _index++;
            if (Current.Is("("))
            {
                expression = ParseCall(expression, member);
                continue;
            }

            expression = new FieldExpression(expression, member.Text, member.Line, member.Column);
        }
    }

    private DebugCallExpression ParseCall(ApexExpression target, ApexToken method)
    {
        Expect("(");
        var arguments = new List<ApexExpression>();
        while (!Current.Is(")"))
        {
            arguments.Add(ParseExpression());
            if (!Current.Is(","))
            {
                break;
            }

            _index++;
        }

        Expect(")");
        var qualifier = target is VariableExpression variable ? variable.Name : null;
        if (string.Equals(qualifier, "System", StringComparison.OrdinalIgnoreCase) &&
            string.Equals(method.Text, "debug", StringComparison.OrdinalIgnoreCase))
        {
            if (arguments.Count != 1)
            {
                throw Unsupported(method, $"System.debug with {arguments.Count} arguments");
            }

            return new DebugCallExpression(arguments[0], method.Line, method.Column);
        }

        var owner = qualifier ?? "an expression";
        throw new ApexCompileException(
            $"Method calls are not supported by the emulated org's Apex subset: {owner}.{method.Text}({arguments.Count} arguments)",
            method.Line, method.Column);
    }

    private ApexExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ApexTokenKind.String:
                _index++;
                return new LiteralExpression(token.Value, token.Line, token.Column);
            case ApexTokenKind.Integer:
                _index++;
                if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    throw new ApexCompileException($"Illegal integer: {token.Text}", token.Line, token.Column);
                }

                return new LiteralExpression((long)number, token.Line, token.Column);
            case ApexTokenKind.Query:
                _index++;
                return new QueryExpression(token.Text, token.Line, token.Column);
            case ApexTokenKind.EndOfFile:
                throw new ApexCompileException("Unexpected token '<EOF>'.", token.Line, token.Column);
        }

        if (token.Is("("))
        {
            _index++;
            var inner = ParseExpression();
            Expect(")");
            return inner;
        }

        if (token.Kind != ApexTokenKind.Identifier)
        {
            throw new ApexCompileException($"Unexpected token '{token.Text}'.", token.Line, token.Column);
        }

        _index++;
        if (token.Is("true") || token.Is("false"))
        {
            return new LiteralExpression(token.Is("true"), token.Line, token.Column);
        }

        if (token.Is("null"))
        {
            return new LiteralExpression(null, token.Line, token.Column);
        }

        if (token.Is("new"))
        {
            return ParseNew(token);
        }

        if (s_unsupportedStatementKeywords.Contains(token.Text) || s_reserved.Contains(token.Text))
        {
            throw new ApexCompileException($"Unexpected token '{token.Text}'.", token.Line, token.Column);
        }

        if (Current.Is("("))
        {
            throw new ApexCompileException(
                $"Method calls are not supported by the emulated org's Apex subset: {token.Text}()", token.Line, token.Column);
        }

        return new VariableExpression(token.Text, token.Line, token.Column);
    }

    private NewSObjectExpression ParseNew(ApexToken keyword)
    {
        var type = ParseType();
        if (type.Element is not null || !Current.Is("("))
        {
            throw Unsupported(keyword, $"'new {type}' (only 'new SObjectType(Field = value, ...)' is)");
        }

        _index++;
        var fields = new List<(string, ApexExpression, int, int)>();
        while (!Current.Is(")"))
        {
            var name = Current;
            if (name.Kind != ApexTokenKind.Identifier)
            {
                throw new ApexCompileException($"Unexpected token '{name.Display}'.", name.Line, name.Column);
            }

            _index++;
            Expect("=");
            fields.Add((name.Text, ParseExpression(), name.Line, name.Column));
            if (!Current.Is(","))
            {
                break;
            }

            _index++;
        }

        Expect(")");
        return new NewSObjectExpression(type.Name, fields, keyword.Line, keyword.Column);
    }
}
