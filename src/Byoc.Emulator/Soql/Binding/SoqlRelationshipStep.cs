using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Soql.Binding;

/// <summary>One hop of a field path: the reference field (<c>OwnerId</c>) and the types it may point to (User, Group).</summary>
internal sealed record SoqlRelationshipStep(FieldDefinition ReferenceField, IReadOnlyList<SObjectDefinition> Targets)
{
    /// <summary>The canonical relationship name, for example <c>Owner</c>.</summary>
    public string Name => ReferenceField.RelationshipName!;
}
