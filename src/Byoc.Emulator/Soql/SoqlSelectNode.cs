using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql.Binding;

namespace Byoc.Emulator.Soql;

/// <summary>
/// One column of a query result in SELECT order: a field of the queried (or related) record, or a relationship whose
/// selected fields are nested under it (<c>Owner</c> → <c>Name</c>), as records and <c>columnMetadata</c> show them.
/// </summary>
internal sealed class SoqlSelectNode
{
    private SoqlSelectNode(string name, string displayPath, FieldDefinition? field, SoqlRelationshipStep? relationship)
    {
        Name = name;
        DisplayPath = displayPath;
        Field = field;
        Relationship = relationship;
    }

    /// <summary>Canonical field or relationship name.</summary>
    public string Name { get; }

    /// <summary>The dotted path from the queried type, for example <c>Owner.Name</c>.</summary>
    public string DisplayPath { get; }

    /// <summary>The field, for a field column.</summary>
    public FieldDefinition? Field { get; }

    /// <summary>The relationship hop, for a relationship column.</summary>
    public SoqlRelationshipStep? Relationship { get; }

    public List<SoqlSelectNode> Children { get; } = [];

    /// <summary>Arranges resolved SELECT paths into a tree, each name once, in order of first appearance.</summary>
    public static IReadOnlyList<SoqlSelectNode> BuildTree(IEnumerable<SoqlFieldRef> fields)
    {
        var roots = new List<SoqlSelectNode>();
        foreach (var field in fields)
        {
            var level = roots;
            var path = "";
            foreach (var step in field.Steps)
            {
                path = path.Length == 0 ? step.Name : $"{path}.{step.Name}";
                var node = level.FirstOrDefault(n => n.Relationship is not null && n.Name == step.Name);
                if (node is null)
                {
                    node = new SoqlSelectNode(step.Name, path, null, step);
                    level.Add(node);
                }

                level = node.Children;
            }

            var fieldPath = path.Length == 0 ? field.Field.Name : $"{path}.{field.Field.Name}";
            if (!level.Any(n => n.Field is not null && n.Name == field.Field.Name))
            {
                level.Add(new SoqlSelectNode(field.Field.Name, fieldPath, field.Field, null));
            }
        }

        return roots;
    }
}
