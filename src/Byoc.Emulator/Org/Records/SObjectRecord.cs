using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Org.Records;

/// <summary>
/// An immutable snapshot of one record. Field values use one CLR type per describe type: <see cref="string"/> for ids,
/// references, text and picklists; <see cref="bool"/>; <see cref="long"/> for int; <see cref="double"/>;
/// <see cref="DateTimeOffset"/> (UTC) for datetime; <see cref="DateOnly"/> for date. References hold 18-character ids.
/// </summary>
internal sealed class SObjectRecord
{
    private readonly Dictionary<string, object?> _fields;

    internal SObjectRecord(SObjectDefinition type, string id, long sequence, Dictionary<string, object?> fields)
    {
        Type = type;
        Id = id;
        Sequence = sequence;
        _fields = fields;
    }

    public SObjectDefinition Type { get; }

    public string ObjectName => Type.Name;

    /// <summary>The 18-character id.</summary>
    public string Id { get; }

    /// <summary>Insertion order across the whole org; queries without ORDER BY return records in this order.</summary>
    public long Sequence { get; }

    public IReadOnlyDictionary<string, object?> Fields => _fields;

    public object? this[string field] => _fields.GetValueOrDefault(field);

    public string? GetString(string field) => this[field] as string;

    public bool GetBoolean(string field) => this[field] is true;

    public long? GetLong(string field) => this[field] as long?;

    public DateTimeOffset? GetDateTime(string field) => this[field] as DateTimeOffset?;

    internal Dictionary<string, object?> CopyFields() => new(_fields, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => $"{ObjectName} {Id}";
}
