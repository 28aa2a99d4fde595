using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql.Binding;

/// <summary>A field path resolved against the schema: zero or more relationship hops, then a field.</summary>
internal sealed record SoqlFieldRef(IReadOnlyList<SoqlRelationshipStep> Steps, FieldDefinition Field)
{
    /// <summary>The canonical dotted path, for example <c>Owner.Name</c>.</summary>
    public string CanonicalPath => string.Join('.', Steps.Select(s => s.Name).Append(Field.Name));

    /// <summary>Follows the relationships from a record; null when a lookup is empty or points nowhere.</summary>
    public SObjectRecord? Follow(SObjectRecord record, OrgStore store, int hops)
    {
        var current = record;
        for (var i = 0; i < hops; i++)
        {
            if (current[Steps[i].ReferenceField.Name] is not string id || store.Get(id) is not { } next ||
                !Steps[i].Targets.Any(t => string.Equals(t.Name, next.ObjectName, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The field's value reached from a record (null through an empty lookup or on a target type without the field).</summary>
    public object? Resolve(SObjectRecord record, OrgStore store)
    {
        var target = Follow(record, store, Steps.Count);
        return target is null || target.Type.FindField(Field.Name) is null ? null : target[Field.Name];
    }
}
