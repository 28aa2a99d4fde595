using System.Text;
using System.Text.RegularExpressions;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql.Ast;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Soql;

/// <summary>Turns a WHERE clause into a predicate over records, checking every field and literal against the schema.</summary>
internal sealed class SoqlFilterCompiler(
    OrgStore store, SObjectDefinition root, DateTimeOffset now, Func<SoqlQuery, IReadOnlySet<string>> semiJoin)
{
    public Func<SObjectRecord, bool> Compile(SoqlCondition condition) => condition switch
    {
        SoqlLogical { IsAnd: true } and => All([.. and.Operands.Select(Compile)]),
        SoqlLogical or => Any([.. or.Operands.Select(Compile)]),
        SoqlNot not => Negate(Compile(not.Operand)),
        SoqlComparison comparison => CompileComparison(comparison),
        SoqlIn @in => CompileIn(@in),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    private static Func<SObjectRecord, bool> All(Func<SObjectRecord, bool>[] parts) => r => parts.All(p => p(r));

    private static Func<SObjectRecord, bool> Any(Func<SObjectRecord, bool>[] parts) => r => parts.Any(p => p(r));

    private static Func<SObjectRecord, bool> Negate(Func<SObjectRecord, bool> inner) => r => !inner(r);

    private SoqlFieldRef BindFilterField(SoqlPath path)
    {
        var field = SoqlBinder.BindPath(store.Schema, root, path);
        if (field.Field.Type == FieldType.TextArea && field.Field.Length > 255)
        {
            throw SoqlErrors.NotFilterable(path.Segments[^1].Position, field.Field.Name);
        }

        return field;
    }

    private Func<SObjectRecord, bool> CompileComparison(SoqlComparison comparison)
    {
        var field = BindFilterField(comparison.Path);
        var literal = comparison.Value;
        var op = comparison.Operator;
        if (op == "LIKE")
        {
            return CompileLike(field, literal);
        }

        if (literal.Kind == SoqlLiteralKind.Null)
        {
            return op switch
            {
                "=" => r => field.Resolve(r, store) is null,
                "!=" => r => field.Resolve(r, store) is not null,
                _ => _ => false,
            };
        }

        if (literal.Kind == SoqlLiteralKind.DateKeyword)
        {
            return CompileDateRange(field, literal, op);
        }

        var expected = Convert(field.Field, literal);
        var isId = field.Field.Type is FieldType.Id or FieldType.Reference;
        return r =>
        {
            var actual = field.Resolve(r, store);
            if (actual is null)
            {
                return op == "!=";
            }

            var order = isId ? string.CompareOrdinal((string)actual, (string)expected) : SoqlValues.Compare(actual, expected);
            return Matches(op, order);
        };
    }

    private static bool Matches(string op, int order) => op switch
    {
        "=" => order == 0,
        "!=" => order != 0,
        "<" => order < 0,
        "<=" => order <= 0,
        ">" => order > 0,
        _ => order >= 0,
    };

    private Func<SObjectRecord, bool> CompileDateRange(SoqlFieldRef field, SoqlLiteral literal, string op)
    {
        if (field.Field.Type is not (FieldType.Date or FieldType.DateTime))
        {
            throw WrongType(field.Field, literal);
        }

        var range = SoqlDateRange.For((string)literal.Value!, literal.Amount, now);
        var start = SoqlDateRange.StartOf(range.Start);
        var end = SoqlDateRange.StartOf(range.End);
        return r =>
        {
            var value = field.Resolve(r, store);
            DateTimeOffset? instant = value switch
            {
                DateTimeOffset dto => dto,
                DateOnly date => SoqlDateRange.StartOf(date),
                _ => null,
            };
            if (instant is not { } v)
            {
                return op == "!=";
            }

            return op switch
            {
                "=" => v >= start && v < end,
                "!=" => v < start || v >= end,
                "<" => v < start,
                "<=" => v < end,
                ">" => v >= end,
                _ => v >= start,
            };
        };
    }

    private Func<SObjectRecord, bool> CompileLike(SoqlFieldRef field, SoqlLiteral literal)
    {
        if (field.Field.Type is FieldType.Boolean or FieldType.Int or FieldType.Double or FieldType.Date or FieldType.DateTime or
            FieldType.Id or FieldType.Reference)
        {
            throw SoqlErrors.InvalidOperator(literal.Position, $"invalid operator on {field.Field.Type.ToString().ToLowerInvariant()} field");
        }

        if (literal.Kind != SoqlLiteralKind.String)
        {
            throw SoqlErrors.WrongLiteralType(literal.Position, field.Field.Name, "string", quoted: true);
        }

        var regex = LikeToRegex((string)literal.Value!);
        return r => field.Resolve(r, store) is string s && regex.IsMatch(s);
    }

    /// <summary>LIKE: <c>%</c> any run, <c>_</c> one character, <c>\%</c> and <c>\_</c> literal, case-insensitive, whole value.</summary>
    private static Regex LikeToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '%' or '_')
            {
                builder.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                builder.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        // NonBacktracking keeps hostile patterns ('%a%a%a…') linear.
        return new Regex(builder.Append('$').ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
    }

    private Func<SObjectRecord, bool> CompileIn(SoqlIn @in)
    {
        var field = BindFilterField(@in.Path);
        var isId = field.Field.Type is FieldType.Id or FieldType.Reference;
        IReadOnlySet<string>? ids = null;
        var values = new List<object>();
        var matchesNull = false;
        if (@in.SubQuery is not null)
        {
            if (!isId)
            {
                throw SoqlErrors.InvalidOperator(@in.Path.Position, $"Invalid semi join: field '{field.Field.Name}' is not an id or reference");
            }

            ids = semiJoin(@in.SubQuery);
        }
        else
        {
            foreach (var literal in @in.Values)
            {
                if (literal.Kind == SoqlLiteralKind.Null)
                {
                    matchesNull = true;
                }
                else
                {
                    values.Add(Convert(field.Field, literal));
                }
            }

            if (isId)
            {
                ids = values.Cast<string>().ToHashSet(StringComparer.Ordinal);
            }
        }

        return r =>
        {
            var actual = field.Resolve(r, store);
            var found = actual is null
                ? matchesNull
                : ids is not null ? ids.Contains((string)actual) : values.Exists(v => SoqlValues.Compare(actual, v) == 0);
            return found != @in.Negated;
        };
    }

    /// <summary>The literal as a value of the field's CLR type, or Salesforce's error for a literal of the wrong kind.</summary>
    private static object Convert(FieldDefinition field, SoqlLiteral literal)
    {
        switch (field.Type)
        {
            case FieldType.Id or FieldType.Reference:
                if (literal.Kind != SoqlLiteralKind.String)
                {
                    throw WrongType(field, literal);
                }

                var text = (string)literal.Value!;
                return SalesforceId.TryNormalize(text, out var id) ? id : throw SoqlErrors.InvalidId(literal.Position, text);
            case FieldType.Boolean when literal.Kind == SoqlLiteralKind.Boolean:
            case FieldType.DateTime when literal.Kind == SoqlLiteralKind.DateTime:
            case FieldType.Date when literal.Kind == SoqlLiteralKind.Date:
                return literal.Value!;
            case FieldType.Int or FieldType.Double when literal.Kind == SoqlLiteralKind.Number:
                return (double)(decimal)literal.Value!;
            case FieldType.Boolean or FieldType.Int or FieldType.Double or FieldType.DateTime or FieldType.Date:
                throw WrongType(field, literal);
            default:
                return literal.Kind == SoqlLiteralKind.String ? literal.Value! : throw WrongType(field, literal);
        }
    }

    private static SoqlException WrongType(FieldDefinition field, SoqlLiteral literal)
    {
        var (name, quoted) = field.Type switch
        {
            FieldType.Boolean => ("boolean", false),
            FieldType.Int => ("integer", false),
            FieldType.Double => ("double", false),
            FieldType.DateTime => ("dateTime", false),
            FieldType.Date => ("date", false),
            FieldType.Id or FieldType.Reference => ("id", true),
            _ => ("string", true),
        };
        return SoqlErrors.WrongLiteralType(literal.Position, field.Name, name, quoted);
    }
}
