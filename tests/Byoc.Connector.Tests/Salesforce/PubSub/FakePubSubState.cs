using System.Buffers.Binary;
using System.Collections.Concurrent;
using Avro;
using Avro.Generic;
using Avro.IO;
using Google.Protobuf;

namespace Byoc.Connector.Tests.Salesforce.PubSub;

/// <summary>The in-test Pub/Sub server's state: retained events, what clients asked for, and faults to inject.</summary>
internal sealed class FakePubSubState
{
    public const string SchemaId = "schema-1";

    public const string SchemaJson = """
        {"type":"record","name":"Conversation__e","namespace":"com.sforce.eventbus","fields":[
          {"name":"CreatedDate","type":"long"},
          {"name":"CreatedById","type":"string"},
          {"name":"EventType__c","type":["null","string"],"default":null},
          {"name":"Payload__c","type":["null","string"],"default":null}]}
        """;

    private readonly Lock _lock = new();
    private readonly List<(byte[] ReplayId, string Id, byte[] Payload)> _events = [];

    public ConcurrentQueue<Subscription> Subscriptions { get; } = new();

    public ConcurrentQueue<int> TopUps { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Headers { get; } = new();

    public int SchemaRequests;

    /// <summary>How often the server had an event to send but no credit.</summary>
    public int StarvedWithBacklog;

    /// <summary>Connection number (1-based) → number of events after which that stream is broken.</summary>
    public ConcurrentDictionary<int, int> DropAfter { get; } = new();

    /// <summary>When set, every subscription first gets an empty keep-alive response carrying this replay id.</summary>
    public byte[]? KeepAliveOnSubscribe { get; set; }

    /// <summary>When set, the next subscription fails as unauthenticated.</summary>
    public bool RejectTokenOnce { get; set; }

    /// <summary>When set, a subscription whose access token this answers true for fails as unauthenticated (a revoked token).</summary>
    public Func<string, bool>? IsRevoked { get; set; }

    /// <summary>When set, the first CUSTOM subscription fails with this error-code trailer.</summary>
    public string? RejectCustomReplayWith { get; set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    public void Publish(string eventType, string payload)
    {
        var schema = (RecordSchema)Schema.Parse(SchemaJson);
        var record = new GenericRecord(schema);
        record.Add("CreatedDate", 1718000000000L);
        record.Add("CreatedById", "005xx000001");
        record.Add("EventType__c", eventType);
        record.Add("Payload__c", payload);
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(stream));
        lock (_lock)
        {
            var replayId = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(replayId, (ulong)(_events.Count + 1000));
            _events.Add((replayId, Guid.NewGuid().ToString(), stream.ToArray()));
        }
    }

    /// <summary>The replay id of the newest event.</summary>
    public byte[] LastReplayId
    {
        get
        {
            lock (_lock)
            {
                return _events[^1].ReplayId;
            }
        }
    }

    public void ObserveStarved(int credit)
    {
        if (credit == 0)
        {
            Interlocked.Increment(ref StarvedWithBacklog);
        }
    }

    /// <summary>The index of the first event after <paramref name="replayId"/>, or -1 if unknown.</summary>
    public int IndexAfter(ByteString replayId)
    {
        lock (_lock)
        {
            var index = _events.FindIndex(e => replayId.Span.SequenceEqual(e.ReplayId));
            return index < 0 ? -1 : index + 1;
        }
    }

    public (byte[] ReplayId, string Id, byte[] Payload)? EventAt(int index)
    {
        lock (_lock)
        {
            return index < _events.Count ? _events[index] : null;
        }
    }

    internal sealed record Subscription(int Number, string Topic, string Preset, byte[] ReplayId, int NumRequested);
}
