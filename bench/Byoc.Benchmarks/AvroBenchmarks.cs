using Avro;
using BenchmarkDotNet.Attributes;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Emulator.Events;

namespace Byoc.Benchmarks;

/// <summary>Avro decoding of one Pub/Sub platform event (the payload field holds the agent reply's JSON), as the subscriber does it.</summary>
[MemoryDiagnoser]
public class AvroBenchmarks
{
    private const string SchemaId = "bench-schema";
    private const string SchemaJson = """
        {"type":"record","name":"Byoc_Interaction__e","namespace":"com.sforce.eventbus","fields":[
          {"name":"CreatedDate","type":"long","doc":"CreatedDate:DateTime"},
          {"name":"CreatedById","type":"string","doc":"CreatedBy:EntityId"},
          {"name":"EventType__c","type":["null","string"],"doc":"Data:Text","default":null},
          {"name":"Payload__c","type":["null","string"],"doc":"Data:LongTextArea","default":null}]}
        """;

    private readonly AvroEventDecoder _decoder = new();
    private byte[] _payload = [];

    [GlobalSetup]
    public void Setup()
    {
        _decoder.AddSchema(SchemaId, SchemaJson);
        var schema = new PlatformEventSchema("Byoc_Interaction__e", SchemaId, SchemaJson, (RecordSchema)Schema.Parse(SchemaJson));
        _payload = AvroEncoder.Encode(schema, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["CreatedDate"] = 1767225602000L,
            ["CreatedById"] = "005000000000001",
            ["EventType__c"] = "Interaction",
            ["Payload__c"] = Samples.InteractionEvent,
        });
    }

    [Benchmark]
    public (string?, string?) Decode() => _decoder.Decode(SchemaId, _payload, "EventType__c", "Payload__c");
}
