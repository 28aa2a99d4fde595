namespace Byoc.Emulator.Org.Schema;

/// <summary>One field of an sObject as describe reports it.</summary>
/// <param name="Name">API name, for example <c>OwnerId</c>.</param>
/// <param name="Type">Describe type.</param>
/// <param name="Label">UI label.</param>
/// <param name="ReferenceTo">Target objects of a reference; more than one for polymorphic lookups such as <c>OwnerId</c>.</param>
/// <param name="RelationshipName">Relationship name of a reference, for example <c>Owner</c> for <c>OwnerId</c>.</param>
/// <param name="PicklistValues">Allowed values of a picklist; empty for other types.</param>
/// <param name="Createable">Settable on insert through the API.</param>
/// <param name="Updateable">Settable on update through the API.</param>
/// <param name="Nillable">May be null.</param>
/// <param name="Length">Maximum length of text fields.</param>
/// <param name="Custom">A custom field (<c>__c</c>).</param>
internal sealed record FieldDefinition(
    string Name,
    FieldType Type,
    string Label,
    IReadOnlyList<string> ReferenceTo,
    string? RelationshipName,
    IReadOnlyList<string> PicklistValues,
    bool Createable,
    bool Updateable,
    bool Nillable,
    int Length,
    bool Custom)
{
    public bool IsReference => Type is FieldType.Reference or FieldType.Id && ReferenceTo.Count > 0;

    public bool IsPolymorphic => ReferenceTo.Count > 1;
}
