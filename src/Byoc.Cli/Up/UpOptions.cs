namespace Byoc.Cli.Up;

/// <summary>What <c>byoc up</c> starts: where the emulated org and the connector listen and where their state lives.</summary>
internal sealed record UpOptions
{
    /// <summary>The state folder shared by the emulated org and the connector.</summary>
    /// <value>The default is <c>.byoc</c> in the working directory.</value>
    public string StateDirectory { get; init; } = ".byoc";

    /// <summary>Port of the emulated org instance (OAuth, REST, rep console); 0 picks a free port.</summary>
    /// <value>The default is 6100.</value>
    public int InstancePort { get; init; } = 6100;

    /// <summary>Port of the emulated Interaction Service API; 0 picks a free port.</summary>
    /// <value>The default is 6101.</value>
    public int ScrtPort { get; init; } = 6101;

    /// <summary>Port of the emulated Pub/Sub API (gRPC over TLS with the local CA); 0 picks a free port.</summary>
    /// <value>The default is 6102.</value>
    public int PubSubPort { get; init; } = 6102;

    /// <summary>Port of the connector (webhooks, web chat, health); 0 picks a free port.</summary>
    /// <value>The default is 5080.</value>
    public int ConnectorPort { get; init; } = 5080;

    /// <summary>Keep the org's records and events in memory, and the connector's database in a temporary file deleted at stop.</summary>
    /// <value>The default is false.</value>
    public bool InMemory { get; init; }

    /// <summary>Where the <c>webhook</c> channel POSTs agent and rep messages; null uses the built-in sink (<see cref="WebhookSink"/>).</summary>
    /// <value>The default is null.</value>
    public Uri? WebhookOutboundUrl { get; init; }

    /// <summary>Extra emulator configuration arguments, applied last (tests set the agent's think time here).</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> EmulatorArgs { get; init; } = [];

    /// <summary>
    /// Extra connector configuration arguments, applied last (tests shorten polling here, or add a channel);
    /// <see cref="ChannelAddressPlaceholder"/> in them becomes the emulated org's channel address.
    /// </summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> ConnectorArgs { get; init; } = [];

    /// <summary>Stands for the emulated org's BYOC channel address in <see cref="ConnectorArgs"/>, which is known only once the org runs.</summary>
    public const string ChannelAddressPlaceholder = "{ChannelAddressIdentifier}";
}
