using System.Collections.Concurrent;

namespace Byoc.Emulator.Org.Schema;

/// <summary>
/// The emulated org's sObject catalog: the standard types (declared in the <c>StandardObjects.*.cs</c> files) plus the
/// custom types deployed at run time (platform events, custom objects).
/// </summary>
internal sealed class OrgSchema
{
    private readonly ConcurrentDictionary<string, SObjectDefinition> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SObjectDefinition> _byKeyPrefix = new(StringComparer.Ordinal);

    public OrgSchema()
    {
        foreach (var definition in StandardObjects.All())
        {
            Add(definition);
        }
    }

    public IEnumerable<SObjectDefinition> Objects => _objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal);

    public SObjectDefinition? FindObject(string name) => _objects.GetValueOrDefault(name);

    public SObjectDefinition? FindByKeyPrefix(string keyPrefix) => _byKeyPrefix.GetValueOrDefault(keyPrefix);

    /// <summary>Adds or replaces a custom type (a deployed platform event or custom object).</summary>
    public void AddOrReplaceCustom(SObjectDefinition definition)
    {
        if (!definition.Custom)
        {
            throw new ArgumentException($"{definition.Name} is not a custom type.", nameof(definition));
        }

        if (_objects.TryGetValue(definition.Name, out var existing) && !existing.Custom)
        {
            throw new InvalidOperationException($"{definition.Name} is a standard type and cannot be replaced.");
        }

        Add(definition);
    }

    private void Add(SObjectDefinition definition)
    {
        _objects[definition.Name] = definition;
        _byKeyPrefix[definition.KeyPrefix] = definition;
    }
}
