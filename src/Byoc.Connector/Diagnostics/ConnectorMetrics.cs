using System.Diagnostics.Metrics;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// The connector's metrics (meter <c>Byoc.Connector</c>), served at <c>/metrics</c> in the Prometheus text format and
/// exported over OTLP when configured. docs/operations.md lists each one with its Prometheus name and labels.
/// </summary>
internal sealed class ConnectorMetrics
{
    public const string MeterName = "Byoc.Connector";

    private static readonly InstrumentAdvice<double> s_secondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    };

    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _pubSubReconnects;
    private readonly Histogram<double> _deliveryDuration;
    private readonly Histogram<double> _pubSubLag;
    private long _inboxDepth;
    private long _outboxDepth;
    private long _deadLettersStored;
    private int _pubSubConnected;
    private int _pubSubStandingBy;

    public ConnectorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _messagesIn = meter.CreateCounter<long>("byoc.messages.in", "{message}",
            "Platform messages and statuses accepted into the inbox (duplicates not counted).");
        _messagesOut = meter.CreateCounter<long>("byoc.messages.out", "{message}", "Salesforce entries delivered to a channel.");
        _retries = meter.CreateCounter<long>("byoc.delivery.retries", "{attempt}", "Failed attempts that will be retried.");
        _deadLetters = meter.CreateCounter<long>("byoc.dead_letters", "{item}", "Rows moved to the dead-letter table.");
        _pubSubReconnects = meter.CreateCounter<long>("byoc.pubsub.reconnects", "{reconnect}",
            "Times the Pub/Sub subscriber had to reconnect after its stream ended or failed.");
        _deliveryDuration = meter.CreateHistogram("byoc.delivery.duration", "s",
            "Time to process one queue row (Interaction API call for the inbox, channel send for the outbox).", advice: s_secondsAdvice);
        _pubSubLag = meter.CreateHistogram("byoc.pubsub.lag", "s",
            "Time from a conversation entry's Salesforce timestamp to the connector receiving its platform event.", advice: s_secondsAdvice);
        meter.CreateObservableGauge("byoc.queue.depth", () => new[]
        {
            new Measurement<long>(Volatile.Read(ref _inboxDepth), new KeyValuePair<string, object?>("queue", "inbox")),
            new Measurement<long>(Volatile.Read(ref _outboxDepth), new KeyValuePair<string, object?>("queue", "outbox")),
        }, "{item}", "Rows waiting in the inbox or the outbox (sampled).");
        meter.CreateObservableGauge("byoc.dead_letters.stored", () => Volatile.Read(ref _deadLettersStored), "{item}",
            "Dead letters currently stored (sampled).");
        meter.CreateObservableGauge("byoc.pubsub.connected", () => Volatile.Read(ref _pubSubConnected), "{stream}",
            "1 while the Pub/Sub stream is open, else 0.");
    }

    public void MessageIn(string channel) => _messagesIn.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void MessageOut(string channel) => _messagesOut.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Retry(string queue) => _retries.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void DeadLettered(string queue, string reason) =>
        _deadLetters.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("reason", reason));

    public void Delivered(string queue, string outcome, TimeSpan elapsed) =>
        _deliveryDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("queue", queue),
            new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Whether the Pub/Sub stream is open now; read by the readiness check.</summary>
    public bool IsPubSubConnected => Volatile.Read(ref _pubSubConnected) == 1;

    public void PubSubReconnect() => _pubSubReconnects.Add(1);

    public void PubSubConnected(bool connected) => Volatile.Write(ref _pubSubConnected, connected ? 1 : 0);

    /// <summary>Whether another instance holds the subscription and this one waits to take over (PostgreSQL election).</summary>
    public bool IsPubSubStandingBy => Volatile.Read(ref _pubSubStandingBy) == 1;

    public void PubSubStandingBy(bool standingBy) => Volatile.Write(ref _pubSubStandingBy, standingBy ? 1 : 0);

    public void PubSubLag(TimeSpan lag) => _pubSubLag.Record(Math.Max(0, lag.TotalSeconds));

    public void QueueDepths(long inbox, long outbox, long deadLetters)
    {
        Volatile.Write(ref _inboxDepth, inbox);
        Volatile.Write(ref _outboxDepth, outbox);
        Volatile.Write(ref _deadLettersStored, deadLetters);
    }
}
