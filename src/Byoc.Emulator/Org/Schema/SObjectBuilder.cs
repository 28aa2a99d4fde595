namespace Byoc.Emulator.Org.Schema;

/// <summary>
/// Declares an sObject type compactly. Every type gets the standard system fields (<c>Id</c>, <c>IsDeleted</c>,
/// <c>CreatedDate</c>, <c>CreatedById</c>, <c>LastModifiedDate</c>, <c>LastModifiedById</c>, <c>SystemModstamp</c>).
/// </summary>
internal sealed class SObjectBuilder
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly string _name;
    private readonly string _keyPrefix;
    private string _label;
    private SObjectCapabilities _capabilities = SObjectCapabilities.All;
    private ApiSurface _surface = ApiSurface.Data;

    public SObjectBuilder(string name, string keyPrefix)
    {
        _name = name;
        _keyPrefix = keyPrefix;
        _label = name;
        _fields.Add(new FieldDefinition("Id", FieldType.Id, $"{name} ID", [name], null, [], false, false, false, 18, false));
        Boolean("IsDeleted", createable: false, updateable: false);
        DateTime("CreatedDate", createable: false, updateable: false);
        Reference("CreatedById", "CreatedBy", ["User"], createable: false, updateable: false);
        DateTime("LastModifiedDate", createable: false, updateable: false);
        Reference("LastModifiedById", "LastModifiedBy", ["User"], createable: false, updateable: false);
        DateTime("SystemModstamp", createable: false, updateable: false);
    }

    public SObjectBuilder Label(string label)
    {
        _label = label;
        return this;
    }

    public SObjectBuilder Capabilities(SObjectCapabilities capabilities)
    {
        _capabilities = capabilities | (_capabilities & SObjectCapabilities.Searchable);
        return this;
    }

    public SObjectBuilder Surface(ApiSurface surface)
    {
        _surface = surface;
        return this;
    }

    public SObjectBuilder String(string name, int length = 255, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.String, length, createable, updateable);

    public SObjectBuilder TextArea(string name, int length = 32768, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.TextArea, length, createable, updateable);

    public SObjectBuilder Boolean(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Boolean, 0, createable, updateable, nillable: false);

    public SObjectBuilder Int(string name, bool createable = true, bool updateable = true, int digits = 9) =>
        Add(name, FieldType.Int, 0, createable, updateable).Last(f => f with { Precision = digits });

    public SObjectBuilder Double(string name, bool createable = true, bool updateable = true, int precision = 18, int scale = 0) =>
        Add(name, FieldType.Double, 0, createable, updateable).Last(f => f with { Precision = precision, Scale = scale });

    public SObjectBuilder DateTime(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.DateTime, 0, createable, updateable);

    public SObjectBuilder Date(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Date, 0, createable, updateable);

    public SObjectBuilder Url(string name, bool createable = true, bool updateable = true, int length = 1024) =>
        Add(name, FieldType.Url, length, createable, updateable);

    public SObjectBuilder Phone(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Phone, 40, createable, updateable);

    /// <summary>A currency field: stored as a double, described as <c>currency</c> (precision 18, scale 2 unless given).</summary>
    public SObjectBuilder Currency(string name, int precision = 18, int scale = 2) =>
        Add(name, FieldType.Double, 0, true, true).Last(f => f with { DescribeType = "currency", Precision = precision, Scale = scale });

    /// <summary>The record's name field (describe <c>nameField</c>), a required text field unless <paramref name="nillable"/>.</summary>
    public SObjectBuilder NameField(string name = "Name", int length = 255, bool createable = true, bool updateable = true, bool nillable = false) =>
        Add(name, FieldType.String, length, createable, updateable, nillable).Last(f => f with { NameField = true });

    /// <summary>A compound name computed from its parts (FirstName LastName); read-only through the API.</summary>
    public SObjectBuilder CompoundName(int length, params string[] parts) =>
        Add("Name", FieldType.String, length, false, false, nillable: false).Last(f => f with { NameField = true, ComposedOf = parts });

    /// <summary>An auto-number name field with a display format such as <c>{00000000}</c>.</summary>
    public SObjectBuilder AutoNumberName(string name, string format, int length = 30) =>
        Add(name, FieldType.String, length, false, false, nillable: false).Last(f => f with { NameField = true, AutoNumberFormat = format });

    /// <summary>Marks the last field declared as an external id (and unique, when asked).</summary>
    public SObjectBuilder ExternalId(bool unique = false) => Last(f => f with { ExternalId = true, Unique = unique });

    /// <summary>Gives the last field declared a default value for inserts that leave it out.</summary>
    public SObjectBuilder Default(object value) => Last(f => f with { DefaultValue = value });

    public SObjectBuilder Email(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Email, 80, createable, updateable);

    public SObjectBuilder Picklist(
        string name, IReadOnlyList<string> values, bool createable = true, bool updateable = true, bool restricted = true, string? defaultValue = null)
    {
        _fields.Add(new FieldDefinition(name, FieldType.Picklist, name, [], null, values, createable, updateable, true, 255, IsCustom(name))
        {
            RestrictedPicklist = restricted,
            DefaultValue = defaultValue,
        });
        return this;
    }

    /// <summary>Makes the type findable by SOSL search.</summary>
    public SObjectBuilder Searchable()
    {
        _capabilities |= SObjectCapabilities.Searchable;
        return this;
    }

    /// <summary>Names the child relationship of the last reference declared (<c>Contacts</c> on Account for Contact.AccountId).</summary>
    public SObjectBuilder Children(string relationshipName) => Last(f => f with { ChildRelationshipName = relationshipName });

    /// <summary>A lookup; <paramref name="relationshipName"/> is the name used in SOQL paths (<c>Owner.Name</c>).</summary>
    public SObjectBuilder Reference(
        string name, string relationshipName, IReadOnlyList<string> referenceTo, bool createable = true, bool updateable = true)
    {
        _fields.Add(new FieldDefinition(
            name, FieldType.Reference, name, referenceTo, relationshipName, [], createable, updateable, true, 18, IsCustom(name)));
        return this;
    }

    /// <summary>Builds the type; <paramref name="extraFields"/> adds fields declared elsewhere (deployed custom fields).</summary>
    public SObjectDefinition Build(bool custom = false, IEnumerable<FieldDefinition>? extraFields = null) =>
        new(_name, _keyPrefix, _label, [.. _fields, .. extraFields ?? []], _capabilities, _surface, custom);

    private SObjectBuilder Add(string name, FieldType type, int length, bool createable, bool updateable, bool nillable = true)
    {
        _fields.Add(new FieldDefinition(name, type, name, [], null, [], createable, updateable, nillable, length, IsCustom(name)));
        return this;
    }

    private SObjectBuilder Last(Func<FieldDefinition, FieldDefinition> change)
    {
        _fields[^1] = change(_fields[^1]);
        return this;
    }

    private static bool IsCustom(string name) => name.EndsWith("__c", StringComparison.OrdinalIgnoreCase);
}
