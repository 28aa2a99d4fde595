namespace Byoc.Emulator.Org.Schema;

/// <summary>An sObject type: its key prefix, fields and what the API may do with it.</summary>
internal sealed class SObjectDefinition
{
    private readonly Dictionary<string, FieldDefinition> _fields;
    private readonly Dictionary<string, FieldDefinition> _relationships;

    public SObjectDefinition(
        string name,
        string keyPrefix,
        string label,
        IEnumerable<FieldDefinition> fields,
        SObjectCapabilities capabilities,
        ApiSurface surface,
        bool custom)
    {
        Name = name;
        KeyPrefix = keyPrefix;
        Label = label;
        Capabilities = capabilities;
        Surface = surface;
        Custom = custom;
        Fields = [.. fields];
        _fields = Fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _relationships = Fields
            .Where(f => f.RelationshipName is not null)
            .ToDictionary(f => f.RelationshipName!, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string KeyPrefix { get; }

    public string Label { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public SObjectCapabilities Capabilities { get; }

    /// <summary>Which API exposes the type: the data API (<c>/query</c>), the Tooling API (<c>/tooling/query</c>) or both.</summary>
    public ApiSurface Surface { get; }

    public bool Custom { get; }

    /// <summary>A platform event (<c>__e</c>): describable and publishable, not queryable.</summary>
    public bool IsPlatformEvent => Name.EndsWith("__e", StringComparison.OrdinalIgnoreCase);

    public FieldDefinition? FindField(string name) => _fields.GetValueOrDefault(name);

    /// <summary>
    /// The field that names a record: the one declared as such, else <c>Name</c>, else <c>MasterLabel</c> (setup objects),
    /// else <c>DeveloperName</c>; null when the type has none.
    /// </summary>
    public FieldDefinition? NameField =>
        Fields.FirstOrDefault(f => f.NameField) ?? FindField("Name") ?? FindField("MasterLabel") ?? FindField("DeveloperName");

    /// <summary>The reference field behind a relationship name, for example <c>Owner</c> → <c>OwnerId</c>.</summary>
    public FieldDefinition? FindRelationship(string relationshipName) => _relationships.GetValueOrDefault(relationshipName);
}
