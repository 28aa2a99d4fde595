using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Events;

/// <summary>
/// The Pub/Sub event store: one ordered log per topic (<c>/event/&lt;Event&gt;__e</c>), replay ids increasing across the org,
/// events older than the retention (72 h) purged, persisted in SQLite unless the emulator runs in memory.
/// </summary>
internal sealed class EventBus : IDisposable
{
    private const string TopicPrefix = "/event/";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StoredEvent>> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _purgedUpTo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlatformEventSchema> _schemas = new(StringComparer.Ordinal);

    // Definitions are immutable and replaced as a whole when an event changes, so the schema is cached per definition.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SObjectDefinition, PlatformEventSchema> _byDefinition = [];
    private readonly OrgSchema _orgSchema;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private readonly EventDatabase? _database;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    public EventBus(StateFolder state, EmulatorOptions options, OrgSchema orgSchema, TimeProvider timeProvider)
    {
        _orgSchema = orgSchema;
        _timeProvider = timeProvider;
        _retention = options.EventRetention;
        if (!state.InMemory)
        {
            _database = new EventDatabase(state.EventDatabasePath);
            foreach (var (eventName, json) in _database.LoadSchemas())
            {
                var schema = PlatformEventSchema.FromJson(eventName, json);
                _schemas[schema.SchemaId] = schema;
            }

            foreach (var stored in _database.LoadEvents())
            {
                Log(stored.TopicName).Add(stored);
                _sequence = Math.Max(_sequence, stored.ReplayId);
            }
        }
    }

    /// <summary>The current schema of a topic's platform event, or null when the topic does not exist in the org.</summary>
    public PlatformEventSchema? FindTopic(string? topicName)
    {
        if (topicName is null || !topicName.StartsWith(TopicPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var definition = _orgSchema.FindObject(topicName[TopicPrefix.Length..]);
        if (definition is null || !definition.IsPlatformEvent)
        {
            return null;
        }

        var schema = _byDefinition.GetValue(definition, PlatformEventSchema.From);
        lock (_lock)
        {
            if (_schemas.TryAdd(schema.SchemaId, schema))
            {
                _database?.SaveSchema(schema);
            }
        }

        return schema;
    }

    public PlatformEventSchema? FindSchema(string schemaId)
    {
        lock (_lock)
        {
            return _schemas.GetValueOrDefault(schemaId);
        }
    }

    public StoredEvent Append(string topicName, string eventId, string schemaId, byte[] payload)
    {
        TaskCompletionSource appended;
        StoredEvent stored;
        lock (_lock)
        {
            stored = new StoredEvent(++_sequence, topicName, eventId, schemaId, payload, _timeProvider.GetUtcNow());
            _database?.Save(stored);
            Log(topicName).Add(stored);
            Purge(topicName);
            appended = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        appended.SetResult();
        return stored;
    }

    /// <summary>Up to <paramref name="max"/> retained events of a topic with replay ids above <paramref name="afterReplayId"/>.</summary>
    public IReadOnlyList<StoredEvent> ReadAfter(string topicName, long afterReplayId, int max)
    {
        lock (_lock)
        {
            Purge(topicName);
            var log = Log(topicName);
            var start = FirstAfter(log, afterReplayId);
            return log.GetRange(start, Math.Min(max, log.Count - start));
        }
    }

    /// <summary>The replay id a LATEST subscription starts after: everything published so far.</summary>
    public long Tip
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The replay id an EARLIEST subscription starts after: just before the oldest retained event.</summary>
    public long Earliest(string topicName)
    {
        lock (_lock)
        {
            Purge(topicName);
            return _purgedUpTo.GetValueOrDefault(topicName);
        }
    }

    /// <summary>The replay id of the topic's newest event (what keep-alive responses carry as <c>latest_replay_id</c>).</summary>
    public long LatestOf(string topicName)
    {
        lock (_lock)
        {
            var log = Log(topicName);
            return log.Count > 0 ? log[^1].ReplayId : _purgedUpTo.GetValueOrDefault(topicName);
        }
    }

    /// <summary>A CUSTOM replay id is valid when its events are still retained and it is not from the future.</summary>
    public bool IsValidReplayId(string topicName, long replayId)
    {
        lock (_lock)
        {
            Purge(topicName);
            return replayId >= _purgedUpTo.GetValueOrDefault(topicName) && replayId <= _sequence;
        }
    }

    /// <summary>Completes at the next append to any topic.</summary>
    public Task NextAppendAsync()
    {
        lock (_lock)
        {
            return _appended.Task;
        }
    }

    public void Dispose() => _database?.Dispose();

    private List<StoredEvent> Log(string topicName)
    {
        if (!_topics.TryGetValue(topicName, out var log))
        {
            log = [];
            _topics[topicName] = log;
        }

        return log;
    }

    private void Purge(string topicName)
    {
        var log = Log(topicName);
        var cutoff = _timeProvider.GetUtcNow() - _retention;
        var count = 0;
        while (count < log.Count && log[count].CreatedAt < cutoff)
        {
            count++;
        }

        if (count > 0)
        {
            var last = log[count - 1].ReplayId;
            log.RemoveRange(0, count);
            _purgedUpTo[topicName] = last;
            _database?.DeleteUpTo(last);
        }
    }

    private static int FirstAfter(List<StoredEvent> log, long replayId)
    {
        int low = 0, high = log.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (log[mid].ReplayId <= replayId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
