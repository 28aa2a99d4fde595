namespace Byoc.Connector.Salesforce;

/// <summary>The Pub/Sub API subscription. Section <c>Connector:Salesforce:PubSub</c>.</summary>
public sealed class PubSubOptions
{
    /// <summary>Whether the subscriber runs. <value>Default true.</value></summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The gRPC endpoint; <c>https://</c> for TLS, <c>http://</c> for plaintext h2c. <value>Default <c>https://api.pubsub.salesforce.com:7443</c>.</value></summary>
    public Uri? Endpoint { get; set; } = new("https://api.pubsub.salesforce.com:7443");

    /// <summary>A PEM CA certificate that must have issued the server certificate (for a local CA). <value>Default: the system trust store.</value></summary>
    public string? CaFile { get; set; }

    /// <summary>The topic, for example <c>/event/Conversation__e</c>. <value>Required.</value></summary>
    public string? Topic { get; set; }

    /// <summary>The platform event's EventType field API name (CCD <c>CustomEventTypeField</c>). <value>Required.</value></summary>
    public string? EventTypeField { get; set; }

    /// <summary>The platform event's Payload field API name (CCD <c>CustomEventPayloadField</c>). <value>Required.</value></summary>
    public string? PayloadField { get; set; }

    /// <summary>Events requested per flow-control top-up (Pub/Sub allows at most 100). <value>Default 100.</value></summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>First reconnect delay. <value>Default 1 second.</value></summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. <value>Default 60 seconds.</value></summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a standby instance tries to take over the subscription (PostgreSQL with several instances: one subscribes).
    /// <value>Default 10 seconds.</value>
    /// </summary>
    public TimeSpan StandbyRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline of the unary GetTopic/GetSchema calls. <value>Default 30 seconds.</value></summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(30);
}
