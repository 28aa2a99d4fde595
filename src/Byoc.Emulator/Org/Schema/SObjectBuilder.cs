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
        _capabilities = capabilities;
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

    public SObjectBuilder Int(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Int, 0, createable, updateable);

    public SObjectBuilder Double(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Double, 0, createable, updateable);

    public SObjectBuilder DateTime(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.DateTime, 0, createable, updateable);

    public SObjectBuilder Date(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Date, 0, createable, updateable);

    public SObjectBuilder Url(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Url, 1024, createable, updateable);

    public SObjectBuilder Email(string name, bool createable = true, bool updateable = true) =>
        Add(name, FieldType.Email, 80, createable, updateable);

    public SObjectBuilder Picklist(string name, IReadOnlyList<string> values, bool createable = true, bool updateable = true)
    {
        _fields.Add(new FieldDefinition(name, FieldType.Picklist, name, [], null, values, createable, updateable, true, 255, IsCustom(name)));
        return this;
    }

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

    private static bool IsCustom(string name) => name.EndsWith("__c", StringComparison.OrdinalIgnoreCase);
}
