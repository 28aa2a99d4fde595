using System.Text;
using BenchmarkDotNet.Attributes;
using Byoc.Connector.Channels.Webhook;

namespace Byoc.Benchmarks;

/// <summary>Standard Webhooks signature verification of one inbound webhook (HMAC-SHA256 over id, timestamp and body).</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private readonly byte[] _key = StandardWebhookSignature.DecodeSecret("whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=")!;
    private readonly byte[] _body = Encoding.UTF8.GetBytes(Samples.WebhookBody);
    private readonly DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(Samples.Timestamp);
    private string _signature = string.Empty;

    [GlobalSetup]
    public void Setup() => _signature = StandardWebhookSignature.Sign(_key, Samples.MessageId, Samples.Timestamp, _body);

    [Benchmark]
    public object Verify() =>
        StandardWebhookSignature.Verify(_key, Samples.MessageId, Samples.TimestampText, _signature, _body, _now, TimeSpan.FromMinutes(5));
}
