using Byoc.Emulator.Apex.Syntax;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Apex;

/// <summary>
/// The compile step after parsing: resolves types against the org schema, checks variables, fields, assignments,
/// operators, inline SOQL and DML the way the Apex compiler does, and records each declaration's type.
/// </summary>
internal sealed partial class ApexBinder
{
    private const string CustomFieldHint =
        "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. " +
        "Please reference your WSDL or the describe call for the appropriate names.";

    private readonly OrgSchema _schema;
    private readonly List<Dictionary<string, ApexType>> _scopes = [];
    private readonly Dictionary<DeclarationStatement, ApexType> _declarations = new(ReferenceEqualityComparer.Instance);

    private ApexBinder(OrgSchema schema)
    {
        _schema = schema;
    }

    /// <summary>Checks the program; returns each declaration's type or throws <see cref="ApexCompileException"/>.</summary>
    public static IReadOnlyDictionary<DeclarationStatement, ApexType> Bind(BlockStatement program, OrgSchema schema)
    {
        var binder = new ApexBinder(schema);
        binder.BindBlock(program);
        return binder._declarations;
    }

    /// <summary>Resolves a declared type; null when the name is unknown.</summary>
    public static ApexType? Resolve(ApexTypeReference reference, OrgSchema schema)
    {
        if (reference.Element is not null)
        {
            if (!string.Equals(reference.Name, "List", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var element = Resolve(reference.Element, schema);
            return element?.Kind == ApexTypeKind.SObject ? ApexType.ListOf(element) : null;
        }

        return reference.Name.ToUpperInvariant() switch
        {
            "STRING" => ApexType.String,
            "INTEGER" => ApexType.Integer,
            "LONG" => ApexType.Long,
            "DECIMAL" or "DOUBLE" => ApexType.Decimal,
            "BOOLEAN" => ApexType.Boolean,
            "ID" => ApexType.Id,
            "DATETIME" => ApexType.Datetime,
            "DATE" => ApexType.Date,
            _ => FindQueryable(schema, reference.Name) is { } definition ? ApexType.Of(definition) : null,
        };
    }

    private static SObjectDefinition? FindQueryable(OrgSchema schema, string name) =>
        schema.FindObject(name) is { } definition && definition.Surface.HasFlag(ApiSurface.Data) ? definition : null;

    private void BindBlock(BlockStatement block)
    {
        _scopes.Add(new Dictionary<string, ApexType>(StringComparer.OrdinalIgnoreCase));
        foreach (var statement in block.Statements)
        {
            BindStatement(statement);
        }

        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void BindStatement(ApexStatement statement)
    {
        switch (statement)
        {
            case BlockStatement block:
                BindBlock(block);
                break;
            case DeclarationStatement declaration:
                BindDeclaration(declaration);
                break;
            case AssignmentStatement assignment:
                BindAssignment(assignment);
                break;
            case DmlStatement dml:
                BindDml(dml);
                break;
            case DebugStatement debug:
                TypeOf(debug.Message);
                break;
            case IfStatement conditional:
                RequireBoolean(conditional.Condition, "Condition expression must be of type Boolean");
                BindStatement(Scoped(conditional.Then));
                if (conditional.Else is not null)
                {
                    BindStatement(Scoped(conditional.Else));
                }

                break;
            default:
                throw new ApexCompileException("Unsupported statement.", statement.Line, statement.Column);
        }
    }

    private static BlockStatement Scoped(ApexStatement statement) =>
        statement as BlockStatement ?? new BlockStatement([statement], statement.Line, statement.Column);

    private void BindDeclaration(DeclarationStatement declaration)
    {
        var type = Resolve(declaration.Type, _schema) ??
            throw new ApexCompileException($"Invalid type: {declaration.Type}", declaration.Type.Line, declaration.Type.Column);
        if (Lookup(declaration.Name) is not null)
        {
            throw new ApexCompileException($"Duplicate variable: {declaration.Name}", declaration.Line, declaration.Column);
        }

        if (declaration.Initializer is not null)
        {
            RequireAssignable(type, declaration.Initializer);
        }

        _scopes[^1][declaration.Name] = type;
        _declarations[declaration] = type;
    }

    private void BindAssignment(AssignmentStatement assignment)
    {
        var targetType = TypeOf(assignment.Target);
        if (assignment.Target is FieldExpression field)
        {
            var owner = TypeOf(field.Target);
            var definition = owner.SObject!.FindField(field.Field)!;
            if (!definition.Createable && !definition.Updateable)
            {
                throw new ApexCompileException(
                    $"Field is not writeable: {owner.SObject.Name}.{definition.Name}", field.Line, field.Column);
            }
        }

        RequireAssignable(targetType, assignment.Value);
    }

    private void BindDml(DmlStatement dml)
    {
        var type = TypeOf(dml.Target);
        var definition = type.Kind switch
        {
            ApexTypeKind.SObject => type.SObject!,
            ApexTypeKind.List => type.Element!.SObject!,
            _ => throw new ApexCompileException($"DML requires SObject or SObject list type: {type}", dml.Target.Line, dml.Target.Column),
        };
        var required = dml.Operation switch
        {
            "insert" => SObjectCapabilities.Createable,
            "update" => SObjectCapabilities.Updateable,
            _ => SObjectCapabilities.Deletable,
        };
        if (!definition.Capabilities.HasFlag(required))
        {
            var operation = char.ToUpperInvariant(dml.Operation[0]) + dml.Operation[1..];
            throw new ApexCompileException($"DML operation {operation} not allowed on {definition.Name}", dml.Line, dml.Column);
        }
    }

    private void RequireAssignable(ApexType target, ApexExpression value)
    {
        var source = TypeOf(value);

        // Only an inline query (not a list variable) may be assigned to a single sObject; the row count is checked at run time.
        if (value is QueryExpression && target.Kind == ApexTypeKind.SObject)
        {
            source = source.Element!;
        }

        if (!target.Accepts(source))
        {
            throw new ApexCompileException($"Illegal assignment from {source} to {target}", value.Line, value.Column);
        }
    }

    private void RequireBoolean(ApexExpression expression, string message)
    {
        if (TypeOf(expression).Kind != ApexTypeKind.Boolean)
        {
            throw new ApexCompileException(message, expression.Line, expression.Column);
        }
    }

    private ApexType? Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var type))
            {
                return type;
            }
        }

        return null;
    }
}
