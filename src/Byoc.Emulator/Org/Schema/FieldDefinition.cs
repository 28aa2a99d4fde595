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

    /// <summary>The field that names a record (describe <c>nameField</c>): <c>Name</c>, or <c>CaseNumber</c> on Case.</summary>
    public bool NameField { get; init; }

    /// <summary>
    /// The display format of an auto-number field (<c>{00000000}</c>, <c>MS-{0000000000}</c>): the org fills it on insert and
    /// no API may set it.
    /// </summary>
    public string? AutoNumberFormat { get; init; }

    public bool AutoNumber => AutoNumberFormat is not null;

    /// <summary>The fields a compound name is made of (Contact, Lead and User <c>Name</c> = FirstName LastName), kept up to date by the org.</summary>
    public IReadOnlyList<string> ComposedOf { get; init; } = [];

    /// <summary>An external id: usable in upserts and lookups by external id (describe <c>externalId</c>).</summary>
    public bool ExternalId { get; init; }

    /// <summary>Values are unique across the type's records (describe <c>unique</c>).</summary>
    public bool Unique { get; init; }

    /// <summary>The describe type where it differs from the storage type: <c>currency</c> and <c>percent</c> are stored as doubles.</summary>
    public string? DescribeType { get; init; }

    /// <summary>Total digits of a number (describe <c>precision</c> for double/currency/percent, <c>digits</c> for int).</summary>
    public int Precision { get; init; }

    /// <summary>Digits right of the decimal point of a double/currency/percent.</summary>
    public int Scale { get; init; }

    /// <summary>Only the listed values are accepted (describe <c>restrictedPicklist</c>); an unrestricted picklist takes any text.</summary>
    public bool RestrictedPicklist { get; init; } = true;

    /// <summary>The plural name under which the referenced type lists the records pointing at it (<c>Contacts</c> for Contact.AccountId).</summary>
    public string? ChildRelationshipName { get; init; }

    /// <summary>The value a new record gets when the insert leaves the field out (describe <c>defaultValue</c>), or null.</summary>
    public object? DefaultValue { get; init; }
}
