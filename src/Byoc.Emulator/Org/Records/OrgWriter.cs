using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Org.Records;

/// <summary>
/// The changes of one atomic write against the <see cref="OrgStore"/>. Reads through the writer see its own pending
/// changes. It checks that fields exist and values fit their types; API-level rules (createable, updateable, required)
/// belong to the REST, Apex and Metadata layers.
/// </summary>
internal sealed class OrgWriter
{
    private static readonly HashSet<string> s_systemFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp",
    };

    private readonly OrgStore _store;
    private readonly DateTimeOffset _now;
    private readonly string? _actorId;
    private readonly Dictionary<string, SObjectRecord?> _pending = new(StringComparer.Ordinal);
    private readonly List<RecordChange> _changes = [];

    internal OrgWriter(OrgStore store, DateTimeOffset now, string? actorId)
    {
        _store = store;
        _now = now;
        _actorId = actorId;
    }

    public OrgSchema Schema => _store.Schema;

    /// <summary>The time stamped on every record this write touches.</summary>
    public DateTimeOffset Now => _now;

    internal IReadOnlyList<RecordChange> Changes => _changes;

    public SObjectRecord Insert(string objectName, IReadOnlyDictionary<string, object?> fields)
    {
        var type = _store.Schema.FindObject(objectName) ?? throw new InvalidOperationException($"Unknown sObject type {objectName}.");
        var sequence = _store.NextSequence();

        // A fixed id is honoured for seeded records that must be stable (for example the provider package's 04t).
        var id = fields.TryGetValue("Id", out var fixedId) && fixedId is string text && SalesforceId.TryNormalize(text, out var fixed18) &&
            SalesforceId.KeyPrefixOf(fixed18) == type.KeyPrefix && Get(fixed18) is null
            ? fixed18
            : SalesforceId.Create(type.KeyPrefix, sequence);
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in type.Fields)
        {
            values[field.Name] = field.Type == FieldType.Boolean ? false : null;
        }

        foreach (var field in type.Fields)
        {
            if (field.DefaultValue is { } defaultValue && !fields.ContainsKey(field.Name))
            {
                values[field.Name] = defaultValue;
            }
        }

        Apply(type, values, fields, allowSystemFields: true);
        foreach (var field in type.Fields.Where(f => f.AutoNumber && values[f.Name] is null))
        {
            values[field.Name] = AutoNumbers.Format(field.AutoNumberFormat!, _store.NextAutoNumber(type, field));
        }

        Compose(type, values);
        values["Id"] = id;
        values["IsDeleted"] = false;
        values["CreatedDate"] = fields.ContainsKey("CreatedDate") ? values["CreatedDate"] : _now;
        values["CreatedById"] = fields.ContainsKey("CreatedById") ? values["CreatedById"] : _actorId;
        values["LastModifiedDate"] = values["CreatedDate"];
        values["LastModifiedById"] = values["CreatedById"];
        values["SystemModstamp"] = values["CreatedDate"];

        var record = new SObjectRecord(type, id, sequence, values);
        _pending[id] = record;
        _changes.Add(new RecordChange(null, record));
        return record;
    }

    public SObjectRecord Update(string id, IReadOnlyDictionary<string, object?> changes)
    {
        var before = Get(id) ?? throw new KeyNotFoundException($"No record with id {id}.");
        var values = before.CopyFields();
        Apply(before.Type, values, changes, allowSystemFields: false);
        Compose(before.Type, values);
        values["LastModifiedDate"] = _now;
        values["LastModifiedById"] = _actorId ?? before.GetString("LastModifiedById");
        values["SystemModstamp"] = _now;
        var after = new SObjectRecord(before.Type, before.Id, before.Sequence, values);
        _pending[after.Id] = after;
        _changes.Add(new RecordChange(before, after));
        return after;
    }

    public void Delete(string id)
    {
        var before = Get(id) ?? throw new KeyNotFoundException($"No record with id {id}.");
        _pending[before.Id] = null;
        _changes.Add(new RecordChange(before, null));
    }

    /// <summary>The record with this 15- or 18-character id, including this write's pending changes.</summary>
    public SObjectRecord? Get(string id)
    {
        if (!SalesforceId.TryNormalize(id, out var id18))
        {
            return null;
        }

        return _pending.TryGetValue(id18, out var pending) ? pending : _store.GetCommitted(id18);
    }

    /// <summary>Every record of a type in insertion order, including this write's pending changes.</summary>
    public IEnumerable<SObjectRecord> Records(string objectName)
    {
        var committed = _store.RecordsCommitted(objectName)
            .Select(r => _pending.TryGetValue(r.Id, out var pending) ? pending : r)
            .OfType<SObjectRecord>();
        var inserted = _changes.Where(c => c.IsInsert && string.Equals(c.ObjectName, objectName, StringComparison.OrdinalIgnoreCase))
            .Select(c => _pending[c.Current.Id])
            .OfType<SObjectRecord>();
        return committed.Concat(inserted);
    }

    /// <summary>
    /// Records of a type whose field equals the value, in insertion order; uses the store's hash index on that field, so
    /// hot paths (end user by platform key, session by end user) do not scan.
    /// </summary>
    public IReadOnlyList<SObjectRecord> Lookup(string objectName, string field, object value)
    {
        var matches = new Dictionary<string, SObjectRecord>(StringComparer.Ordinal);
        foreach (var committed in _store.LookupCommitted(objectName, field, value))
        {
            var current = _pending.TryGetValue(committed.Id, out var pending) ? pending : committed;
            if (current is not null && Equals(current[field], value))
            {
                matches[current.Id] = current;
            }
        }

        foreach (var (id, pending) in _pending)
        {
            if (pending is not null && string.Equals(pending.ObjectName, objectName, StringComparison.OrdinalIgnoreCase) &&
                Equals(pending[field], value))
            {
                matches[id] = pending;
            }
        }

        return [.. matches.Values.OrderBy(r => r.Sequence)];
    }

    internal IEnumerable<KeyValuePair<string, SObjectRecord?>> PendingRecords => _pending;

    /// <summary>Recomputes compound names (FirstName LastName) from their parts.</summary>
    private static void Compose(SObjectDefinition type, Dictionary<string, object?> values)
    {
        foreach (var field in type.Fields.Where(f => f.ComposedOf.Count > 0))
        {
            var composed = string.Join(' ', field.ComposedOf.Select(p => values.GetValueOrDefault(p) as string).Where(p => !string.IsNullOrEmpty(p)));
            values[field.Name] = composed.Length > 0 ? composed : values[field.Name];
        }
    }

    private static void Apply(
        SObjectDefinition type, Dictionary<string, object?> values, IReadOnlyDictionary<string, object?> changes, bool allowSystemFields)
    {
        foreach (var (name, value) in changes)
        {
            var field = type.FindField(name) ?? throw new FieldValueException(type.Name, name, "no such field");
            if (!allowSystemFields && s_systemFields.Contains(field.Name))
            {
                throw new FieldValueException(type.Name, field.Name, "system field cannot be changed");
            }

            values[field.Name] = FieldValues.Coerce(type, field, value);
        }
    }
}
