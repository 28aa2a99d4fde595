using System.Text;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Apex;

/// <summary>
/// An sObject value inside a running script: the fields it was queried or constructed with, and which ones the script
/// changed (only those go to the store on <c>update</c>, as only they can conflict with field-level rules).
/// </summary>
internal sealed class ApexSObject(SObjectDefinition type, bool queried)
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _changed = new(StringComparer.OrdinalIgnoreCase);

    public SObjectDefinition Type { get; } = type;

    /// <summary>Read by SOQL: reading a field the query did not select is an SObjectException.</summary>
    public bool Queried { get; } = queried;

    public string? Id => _values.GetValueOrDefault("Id") as string;

    public IReadOnlyDictionary<string, object?> Values => _values;

    public IReadOnlyCollection<string> Changed => _changed;

    public bool Has(string field) => _values.ContainsKey(field);

    public object? Get(string field) => _values.GetValueOrDefault(field);

    /// <summary>Loads a value as read from the store (not a change).</summary>
    public void Load(string field, object? value) => _values[field] = value;

    public void Set(string field, object? value)
    {
        _values[field] = value;
        _changed.Add(field);
    }

    public void AcceptChanges(string id)
    {
        _values["Id"] = id;
        _changed.Clear();
    }

    /// <summary>How <c>System.debug</c> and string concatenation print an sObject: <c>Group:{Id=00G..., Name=x}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Type.Name).Append(":{");
        var first = true;
        foreach (var (name, value) in _values.Where(v => v.Value is not null))
        {
            text.Append(first ? "" : ", ").Append(Type.FindField(name)?.Name ?? name).Append('=').Append(ApexValues.Format(value));
            first = false;
        }

        return text.Append('}').ToString();
    }
}
