using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Org.Records;

/// <summary>
/// The emulated org's records: held in memory for queries, written through to SQLite (when configured) in one
/// transaction per <see cref="Write{T}"/>. Writes are serialized; readers get immutable snapshots.
/// Subscribers of <see cref="Changed"/> hear about each committed write, in commit order, after the lock is released;
/// a handler may write again (its own notification follows once the current one returns).
/// </summary>
internal sealed class OrgStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<IReadOnlyList<RecordChange>> _notifications = new();
    private readonly TimeProvider _timeProvider;
    private readonly OrgDatabase? _database;
    private readonly Dictionary<string, SObjectRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, SObjectRecord>> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Type, string Field), Dictionary<object, HashSet<string>>> _indexes = [];
    private readonly Dictionary<(string Type, string Field), long> _autoNumbers = [];
    private long _sequence;
    private bool _notifying;

    public OrgStore(OrgSchema schema, OrgStoreOptions options, TimeProvider timeProvider)
    {
        Schema = schema;
        _timeProvider = timeProvider;
        if (options.DatabasePath is not null)
        {
            _database = new OrgDatabase(options.DatabasePath);
            foreach (var definition in _database.LoadCustomObjects())
            {
                schema.AddOrReplaceCustom(definition);
            }

            foreach (var record in _database.LoadRecords(schema))
            {
                AddCommitted(record);
                _sequence = Math.Max(_sequence, record.Sequence);
            }
        }
    }

    /// <summary>Raised after each committed write with its changes in the order they were made.</summary>
    public event Action<IReadOnlyList<RecordChange>>? Changed;

    public OrgSchema Schema { get; }

    /// <summary>The user stamped as CreatedById/LastModifiedById when a write names no actor (the org's admin once seeded).</summary>
    public string? DefaultActorId { get; set; }

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count == 0;
            }
        }
    }

    public SObjectRecord? Get(string id)
    {
        if (!SalesforceId.TryNormalize(id, out var id18))
        {
            return null;
        }

        lock (_lock)
        {
            return _byId.GetValueOrDefault(id18);
        }
    }

    /// <summary>A snapshot of every record of a type in insertion order.</summary>
    public IReadOnlyList<SObjectRecord> Records(string objectName)
    {
        lock (_lock)
        {
            return RecordsCommitted(objectName);
        }
    }

    /// <summary>Records of a type whose field equals the value, in insertion order, through a hash index.</summary>
    public IReadOnlyList<SObjectRecord> Lookup(string objectName, string field, object value)
    {
        lock (_lock)
        {
            return [.. LookupCommitted(objectName, field, value).OrderBy(r => r.Sequence)];
        }
    }

    public T Write<T>(Func<OrgWriter, T> change, string? actorId = null)
    {
        T result;
        lock (_lock)
        {
            var writer = new OrgWriter(this, _timeProvider.GetUtcNow(), actorId ?? DefaultActorId);
            var sequenceBefore = _sequence;
            try
            {
                result = change(writer);
                _database?.Save(writer.Changes);
            }
            catch
            {
                _sequence = sequenceBefore;
                throw;
            }

            foreach (var (id, record) in writer.PendingRecords)
            {
                RemoveCommitted(id);
                if (record is not null)
                {
                    AddCommitted(record);
                }
            }

            if (writer.Changes.Count > 0)
            {
                // Queued inside the lock so that notifications leave in commit order.
                _notifications.Enqueue(writer.Changes);
            }
        }

        DrainNotifications();
        return result;
    }

    public void Write(Action<OrgWriter> change, string? actorId = null) =>
        Write(writer =>
        {
            change(writer);
            return true;
        }, actorId);

    /// <summary>Registers (or replaces) a custom sObject type and persists its definition.</summary>
    public void DefineCustomObject(SObjectDefinition definition)
    {
        lock (_lock)
        {
            _database?.SaveCustomObject(definition);
            Schema.AddOrReplaceCustom(definition);
        }
    }

    public void Dispose()
    {
        _database?.Dispose();
    }

    internal long NextSequence() => ++_sequence;

    /// <summary>
    /// The next number of an auto-number field, one more than the highest stored (a failed write leaves a gap, as on a
    /// real org). Called by writers under the lock.
    /// </summary>
    internal long NextAutoNumber(SObjectDefinition type, FieldDefinition field)
    {
        var key = (type.Name, field.Name);
        if (!_autoNumbers.TryGetValue(key, out var last))
        {
            last = RecordsCommitted(type.Name).Select(r => AutoNumbers.Parse(r.GetString(field.Name))).DefaultIfEmpty(0).Max();
        }

        _autoNumbers[key] = ++last;
        return last;
    }

    /// <summary>
    /// Delivers queued notifications on the calling thread unless another call is already delivering them; that call
    /// then delivers ours too, in order. A handler that writes therefore never deadlocks.
    /// </summary>
    private void DrainNotifications()
    {
        while (true)
        {
            IReadOnlyList<RecordChange> changes;
            lock (_lock)
            {
                if (_notifying || !_notifications.TryDequeue(out changes!))
                {
                    return;
                }

                _notifying = true;
            }

            try
            {
                Changed?.Invoke(changes);
            }
            finally
            {
                lock (_lock)
                {
                    _notifying = false;
                }
            }
        }
    }

    internal SObjectRecord? GetCommitted(string id18) => _byId.GetValueOrDefault(id18);

    internal IReadOnlyList<SObjectRecord> RecordsCommitted(string objectName) =>
        _byType.TryGetValue(objectName, out var records) ? [.. records.Values] : [];

    internal IEnumerable<SObjectRecord> LookupCommitted(string objectName, string field, object value)
    {
        var type = Schema.FindObject(objectName);
        var definition = type?.FindField(field);
        if (type is null || definition is null)
        {
            return [];
        }

        var key = (type.Name, definition.Name);
        if (!_indexes.TryGetValue(key, out var index))
        {
            index = [];
            foreach (var record in RecordsCommitted(type.Name))
            {
                AddToIndex(index, record[definition.Name], record.Id);
            }

            _indexes[key] = index;
        }

        return index.TryGetValue(value, out var ids) ? ids.Select(id => _byId[id]) : [];
    }

    private void AddCommitted(SObjectRecord record)
    {
        _byId[record.Id] = record;
        if (!_byType.TryGetValue(record.ObjectName, out var records))
        {
            records = [];
            _byType[record.ObjectName] = records;
        }

        records[record.Sequence] = record;
        foreach (var ((type, field), index) in _indexes)
        {
            if (string.Equals(type, record.ObjectName, StringComparison.OrdinalIgnoreCase))
            {
                AddToIndex(index, record[field], record.Id);
            }
        }
    }

    private void RemoveCommitted(string id)
    {
        if (!_byId.Remove(id, out var record))
        {
            return;
        }

        _byType[record.ObjectName].Remove(record.Sequence);
        foreach (var ((type, field), index) in _indexes)
        {
            if (string.Equals(type, record.ObjectName, StringComparison.OrdinalIgnoreCase) &&
                record[field] is { } value && index.TryGetValue(value, out var ids))
            {
                ids.Remove(id);
            }
        }
    }

    private static void AddToIndex(Dictionary<object, HashSet<string>> index, object? value, string id)
    {
        if (value is null)
        {
            return;
        }

        if (!index.TryGetValue(value, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            index[value] = ids;
        }

        ids.Add(id);
    }
}
