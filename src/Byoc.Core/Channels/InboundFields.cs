using System.Collections;

namespace Byoc.Core.Channels;

/// <summary>
/// Name/value fields of a query string or a form body, in the order they arrived. Names may repeat and compare
/// ordinally (case-sensitive), as platforms sign them (Twilio sorts the form fields by name).
/// </summary>
public sealed class InboundFields : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _fields;

    /// <summary>Creates the fields from name/value pairs, keeping their order.</summary>
    public InboundFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields];
    }

    /// <summary>No fields.</summary>
    public static InboundFields Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _fields.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, string> this[int index] => _fields[index];

    /// <summary>The first value of the field, or null when the field is absent.</summary>
    public string? this[string name] => Array.Find(_fields, f => string.Equals(f.Key, name, StringComparison.Ordinal)) is { Key: not null } field
        ? field.Value
        : null;

    /// <summary>Every value of the field, in order.</summary>
    public IEnumerable<string> GetAll(string name) =>
        _fields.Where(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Select(f => f.Value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
