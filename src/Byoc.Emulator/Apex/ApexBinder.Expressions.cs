using Byoc.Emulator.Apex.Syntax;

namespace Byoc.Emulator.Apex;

internal sealed partial class ApexBinder
{
    private ApexType TypeOf(ApexExpression expression) => expression switch
    {
        LiteralExpression literal => literal.Value switch
        {
            null => ApexType.Null,
            string => ApexType.String,
            bool => ApexType.Boolean,
            _ => ApexType.Integer,
        },
        VariableExpression variable => Lookup(variable.Name) ??
            throw new ApexCompileException($"Variable does not exist: {variable.Name}", variable.Line, variable.Column),
        FieldExpression field => TypeOfField(field),
        UnaryExpression unary => TypeOfUnary(unary),
        BinaryExpression binary => TypeOfBinary(binary),
        QueryExpression query => TypeOfQuery(query),
        NewSObjectExpression created => TypeOfNew(created),
        DebugCallExpression debug => throw new ApexCompileException("Illegal assignment from void", debug.Line, debug.Column),
        _ => throw new ApexCompileException("Unsupported expression.", expression.Line, expression.Column),
    };

    private ApexType TypeOfField(FieldExpression field)
    {
        var owner = TypeOf(field.Target);
        if (owner.Kind != ApexTypeKind.SObject)
        {
            throw new ApexCompileException(
                $"Initial term of field expression must be a concrete SObject: {owner}", field.Target.Line, field.Target.Column);
        }

        var definition = owner.SObject!.FindField(field.Field) ??
            throw new ApexCompileException($"Variable does not exist: {field.Field}", field.Line, field.Column);
        return ApexType.OfField(definition);
    }

    private ApexType TypeOfUnary(UnaryExpression unary)
    {
        var operand = TypeOf(unary.Operand);
        if (unary.Operator == "!")
        {
            return operand.Kind == ApexTypeKind.Boolean ? ApexType.Boolean
                : throw new ApexCompileException("Boolean expected.", unary.Operand.Line, unary.Operand.Column);
        }

        return operand.IsNumeric ? operand
            : throw new ApexCompileException("Arithmetic expressions must use numeric arguments", unary.Line, unary.Column);
    }

    private ApexType TypeOfBinary(BinaryExpression binary)
    {
        var left = TypeOf(binary.Left);
        var right = TypeOf(binary.Right);
        switch (binary.Operator)
        {
            case "&&" or "||":
                if (left.Kind != ApexTypeKind.Boolean || right.Kind != ApexTypeKind.Boolean)
                {
                    var name = binary.Operator == "&&" ? "AND" : "OR";
                    throw new ApexCompileException(
                        $"{name} operator can only be applied to Boolean expressions", binary.Line, binary.Column);
                }

                return ApexType.Boolean;
            case "==" or "!=":
                if (!left.Accepts(right) && !right.Accepts(left) && !(left.IsNumeric && right.IsNumeric))
                {
                    throw new ApexCompileException(
                        $"Comparison arguments must be compatible types: {left}, {right}", binary.Line, binary.Column);
                }

                return ApexType.Boolean;
            case "<" or ">" or "<=" or ">=":
                if (!(left.IsNumeric && right.IsNumeric) && !(left.IsText && right.IsText))
                {
                    throw new ApexCompileException(
                        $"Inequality operator not allowed for this type: {left}", binary.Line, binary.Column);
                }

                return ApexType.Boolean;
            case "+" when left.Kind == ApexTypeKind.String || right.Kind == ApexTypeKind.String:
                return ApexType.String;
            default:
                if (!left.IsNumeric || !right.IsNumeric)
                {
                    throw new ApexCompileException("Arithmetic expressions must use numeric arguments", binary.Line, binary.Column);
                }

                return left.Kind == ApexTypeKind.Decimal || right.Kind == ApexTypeKind.Decimal ? ApexType.Decimal
                    : left.Kind == ApexTypeKind.Long || right.Kind == ApexTypeKind.Long ? ApexType.Long : ApexType.Integer;
        }
    }

    private ApexType TypeOfQuery(QueryExpression query)
    {
        // Bracket position + 1: Salesforce reports SOQL problems at the query text.
        var (line, column) = (query.Line, query.Column + 1);
        var shape = ApexSoql.Shape(query.Soql) ??
            throw new ApexCompileException($"unexpected token: '{query.Soql.Trim().Split(' ')[^1]}'", line, column);
        var definition = FindQueryable(_schema, shape.ObjectName) ??
            throw new ApexCompileException(
                $"sObject type '{shape.ObjectName}' is not supported. If you are attempting to use a custom object, be sure to " +
                "append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
                line, column);
        foreach (var field in shape.Fields)
        {
            if (field.Contains('(', StringComparison.Ordinal))
            {
                throw new ApexCompileException(
                    $"Not supported by the emulated org's Apex subset: SOQL functions in inline queries ({field}).", line, column);
            }

            var head = field.Split('.')[0];
            var known = field.Contains('.', StringComparison.Ordinal)
                ? definition.FindRelationship(head) is not null
                : definition.FindField(field) is not null;
            if (!known)
            {
                throw new ApexCompileException($"No such column '{field}' on entity '{definition.Name}'. {CustomFieldHint}", line, column);
            }
        }

        foreach (var (name, _) in ApexSoql.BindVariables(query.Soql))
        {
            if (Lookup(name) is null)
            {
                throw new ApexCompileException($"Variable does not exist: {name}", line, column);
            }
        }

        return ApexType.ListOf(ApexType.Of(definition));
    }

    private ApexType TypeOfNew(NewSObjectExpression created)
    {
        var definition = FindQueryable(_schema, created.TypeName) ??
            throw new ApexCompileException($"Invalid type: {created.TypeName}", created.Line, created.Column);
        foreach (var (name, value, line, column) in created.Fields)
        {
            var field = definition.FindField(name) ??
                throw new ApexCompileException($"Invalid field {name} for {definition.Name}", line, column);
            if (!field.Createable && !field.Updateable)
            {
                throw new ApexCompileException($"Field is not writeable: {definition.Name}.{field.Name}", line, column);
            }

            RequireAssignable(ApexType.OfField(field), value);
        }

        return ApexType.Of(definition);
    }
}
