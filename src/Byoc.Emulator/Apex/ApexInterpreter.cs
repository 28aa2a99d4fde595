using System.Globalization;
using Byoc.Emulator.Apex.Syntax;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Apex;

/// <summary>
/// Runs a bound anonymous block inside one store transaction (<see cref="OrgWriter"/>): DML goes through the writer, so
/// an uncaught exception rolls everything back, as in a real org.
/// </summary>
internal sealed partial class ApexInterpreter
{
    private readonly OrgWriter _writer;
    private readonly IApexQueryExecutor _queries;
    private readonly ApexDebugLog _log;
    private readonly string _userId;
    private readonly IReadOnlyDictionary<DeclarationStatement, ApexType> _declarations;
    private readonly List<Dictionary<string, Variable>> _scopes = [];

    public ApexInterpreter(
        OrgWriter writer, IApexQueryExecutor queries, ApexDebugLog log, string userId,
        IReadOnlyDictionary<DeclarationStatement, ApexType> declarations)
    {
        _writer = writer;
        _queries = queries;
        _log = log;
        _userId = userId;
        _declarations = declarations;
    }

    public void Run(BlockStatement program) => Execute(program);

    private void Execute(ApexStatement statement)
    {
        switch (statement)
        {
            case BlockStatement block:
                _scopes.Add(new Dictionary<string, Variable>(StringComparer.OrdinalIgnoreCase));
                try
                {
                    foreach (var inner in block.Statements)
                    {
                        Execute(inner);
                    }
                }
                finally
                {
                    _scopes.RemoveAt(_scopes.Count - 1);
                }

                break;
            case DeclarationStatement declaration:
                var type = _declarations[declaration];
                var initial = declaration.Initializer is null ? null : Convert(type, Evaluate(declaration.Initializer), declaration.Initializer);
                _scopes[^1][declaration.Name] = new Variable(type, initial);
                break;
            case AssignmentStatement assignment:
                Assign(assignment);
                break;
            case DmlStatement dml:
                ExecuteDml(dml);
                break;
            case DebugStatement debug:
                _log.UserDebug(debug.Line, ApexValues.Format(Evaluate(debug.Message)));
                break;
            case IfStatement conditional:
                var condition = Evaluate(conditional.Condition) ?? throw NullPointer(conditional.Condition);
                var branch = (bool)condition ? conditional.Then : conditional.Else;
                if (branch is not null)
                {
                    Execute(branch as BlockStatement ?? new BlockStatement([branch], branch.Line, branch.Column));
                }

                break;
        }
    }

    private void Assign(AssignmentStatement assignment)
    {
        if (assignment.Target is VariableExpression variable)
        {
            var (scope, current) = Find(variable.Name);
            scope[variable.Name] = current with { Value = Convert(current.Type, Evaluate(assignment.Value), assignment.Value) };
            return;
        }

        var field = (FieldExpression)assignment.Target;
        var target = Evaluate(field.Target) as ApexSObject ?? throw NullPointer(field);
        var definition = target.Type.FindField(field.Field)!;
        var value = Convert(ApexType.OfField(definition), Evaluate(assignment.Value), assignment.Value);
        target.Set(definition.Name, value);
    }

    private object? Evaluate(ApexExpression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        VariableExpression variable => Find(variable.Name).Variable.Value,
        FieldExpression field => ReadField(field),
        UnaryExpression unary => EvaluateUnary(unary),
        BinaryExpression binary => EvaluateBinary(binary),
        QueryExpression query => RunQuery(query),
        NewSObjectExpression created => Create(created),
        _ => throw new InvalidOperationException($"Unbound expression {expression.GetType().Name}."),
    };

    private object? ReadField(FieldExpression field)
    {
        var target = Evaluate(field.Target) as ApexSObject ?? throw NullPointer(field);
        var definition = target.Type.FindField(field.Field)!;
        if (target.Queried && !target.Has(definition.Name))
        {
            throw new ApexRuntimeException(
                "System.SObjectException",
                $"SObject row was retrieved via SOQL without querying the requested field: {target.Type.Name}.{definition.Name}",
                field.Line, field.Column);
        }

        return target.Get(definition.Name);
    }

    private object? EvaluateUnary(UnaryExpression unary)
    {
        var operand = Evaluate(unary.Operand) ?? throw NullPointer(unary);
        return unary.Operator == "!" ? !(bool)operand : operand is double d ? -d : -(long)operand;
    }

    private object? EvaluateBinary(BinaryExpression binary)
    {
        if (binary.Operator is "&&" or "||")
        {
            var left = Evaluate(binary.Left) as bool? ?? throw NullPointer(binary.Left);
            if (binary.Operator == "&&" ? !left : left)
            {
                return left;
            }

            return Evaluate(binary.Right) as bool? ?? throw NullPointer(binary.Right);
        }

        var l = Evaluate(binary.Left);
        var r = Evaluate(binary.Right);
        switch (binary.Operator)
        {
            case "==":
                return ApexValues.AreEqual(l, r);
            case "!=":
                return !ApexValues.AreEqual(l, r);
            case "+" when l is string || r is string || (!ApexValues.IsNumber(l) && !ApexValues.IsNumber(r) && (l is null || r is null)):
                return ApexValues.Format(l) + ApexValues.Format(r);
        }

        if (l is null || r is null)
        {
            throw NullPointer(binary);
        }

        if (l is string ls && r is string rs)
        {
            var order = string.Compare(ls, rs, StringComparison.OrdinalIgnoreCase);
            return Compare(binary.Operator, order);
        }

        if (l is double || r is double)
        {
            var (a, b) = (System.Convert.ToDouble(l, CultureInfo.InvariantCulture), System.Convert.ToDouble(r, CultureInfo.InvariantCulture));
            return binary.Operator switch { "+" => a + b, "-" => a - b, _ => Compare(binary.Operator, a.CompareTo(b)) };
        }

        var (x, y) = ((long)l, (long)r);
        return binary.Operator switch { "+" => x + y, "-" => x - y, _ => Compare(binary.Operator, x.CompareTo(y)) };
    }

    private static bool Compare(string op, int order) => op switch
    {
        "<" => order < 0,
        ">" => order > 0,
        "<=" => order <= 0,
        _ => order >= 0,
    };

    private ApexSObject Create(NewSObjectExpression created)
    {
        var definition = _writer.Schema.FindObject(created.TypeName)!;
        var record = new ApexSObject(definition, queried: false);
        foreach (var (name, value, _, _) in created.Fields)
        {
            var field = definition.FindField(name)!;
            record.Set(field.Name, Convert(ApexType.OfField(field), Evaluate(value), value));
        }

        return record;
    }

    private List<ApexSObject> RunQuery(QueryExpression query)
    {
        var soql = ApexSoql.Bind(query.Soql, name => Find(name).Variable.Value).Trim();
        _log.Event($"SOQL_EXECUTE_BEGIN|[{query.Line}]|Aggregations:0|{soql}");
        var result = _queries.Execute(soql, _userId);
        if (result.ErrorMessage is not null)
        {
            throw new ApexRuntimeException("System.QueryException", result.ErrorMessage, query.Line, query.Column);
        }

        _log.Event($"SOQL_EXECUTE_END|[{query.Line}]|Rows:{result.Rows.Count}");
        var rows = new List<ApexSObject>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var record = new ApexSObject(_writer.Schema.FindObject(row.ObjectName)!, queried: true);
            foreach (var (name, value) in row.Fields)
            {
                if (!name.Contains('.', StringComparison.Ordinal))
                {
                    record.Load(name, value);
                }
            }

            rows.Add(record);
        }

        return rows;
    }

    /// <summary>Converts a runtime value to a declared type: query rows to one sObject, text to an id.</summary>
    private static object? Convert(ApexType type, object? value, ApexNode at)
    {
        switch (type.Kind)
        {
            case ApexTypeKind.SObject when value is List<ApexSObject> rows:
                return rows.Count switch
                {
                    0 => throw new ApexRuntimeException(
                        "System.QueryException", "List has no rows for assignment to SObject", at.Line, at.Column),
                    1 => rows[0],
                    _ => throw new ApexRuntimeException(
                        "System.QueryException", "List has more than 1 row for assignment to SObject", at.Line, at.Column),
                };
            case ApexTypeKind.Id when value is string text:
                return SalesforceId.TryNormalize(text, out var id) ? id
                    : throw new ApexRuntimeException("System.StringException", $"Invalid id: {text}", at.Line, at.Column);
            case ApexTypeKind.Decimal when value is long number:
                return (double)number;
            default:
                return value;
        }
    }

    private (Dictionary<string, Variable> Scope, Variable Variable) Find(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var variable))
            {
                return (_scopes[i], variable);
            }
        }

        throw new InvalidOperationException($"Unbound variable {name}.");
    }

    private static ApexRuntimeException NullPointer(ApexNode at) =>
        new("System.NullPointerException", "Attempt to de-reference a null object", at.Line, at.Column);

    private sealed record Variable(ApexType Type, object? Value);
}
