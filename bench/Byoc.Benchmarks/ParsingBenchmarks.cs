using System.Text;
using BenchmarkDotNet.Attributes;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Core.Channels;

namespace Byoc.Benchmarks;

/// <summary>
/// Canonical message parsing: a signed generic webhook into the canonical <c>InboundMessage</c> (signature check included,
/// as the endpoint does it), and an agent's Pub/Sub <c>InteractionEvent</c> JSON into the canonical outbound entry.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private readonly byte[] _key = StandardWebhookSignature.DecodeSecret("whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=")!;
    private WebhookRequestParser _parser = null!;
    private InboundRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = Encoding.UTF8.GetBytes(Samples.WebhookBody);
        _parser = new WebhookRequestParser(_key, TimeSpan.FromMinutes(5), new FixedClock(DateTimeOffset.FromUnixTimeSeconds(Samples.Timestamp)));
        _request = new InboundRequest
        {
            Channel = "webhook",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [StandardWebhookSignature.IdHeader] = Samples.MessageId,
                [StandardWebhookSignature.TimestampHeader] = Samples.TimestampText,
                [StandardWebhookSignature.SignatureHeader] = StandardWebhookSignature.Sign(_key, Samples.MessageId, Samples.Timestamp, body),
            },
            Body = body,
        };
    }

    [Benchmark]
    public object InboundWebhook() => _parser.Parse(_request);

    [Benchmark]
    public object? OutboundInteractionEvent() => OutboundEventParser.Parse("Interaction", Samples.InteractionEvent, out _);
}
