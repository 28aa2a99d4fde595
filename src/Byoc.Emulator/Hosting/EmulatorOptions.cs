using Byoc.Emulator.Faults;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Hosting;

/// <summary>Configuration of the emulated org process (section <c>Emulator</c>, e.g. <c>--Emulator:InstancePort=0</c>).</summary>
internal sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>The address every listener binds to.</summary>
    /// <value>The default is <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port of the org instance listener (OAuth, REST, console); 0 picks a free port.</summary>
    /// <value>The default is 6100.</value>
    public int InstancePort { get; set; } = 6100;

    /// <summary>Port of the Interaction Service API (SCRT) listener; 0 picks a free port.</summary>
    /// <value>The default is 6101.</value>
    public int ScrtPort { get; set; } = 6101;

    /// <summary>Port of the Pub/Sub API gRPC listener; 0 picks a free port.</summary>
    /// <value>The default is 6102.</value>
    public int PubSubPort { get; set; } = 6102;

    /// <summary>Serve Pub/Sub over TLS with a certificate from the generated local CA; false serves plaintext HTTP/2 (h2c).</summary>
    /// <value>The default is true.</value>
    public bool PubSubTls { get; set; } = true;

    /// <summary>The state folder: org database, event store, dev connected app keys, certificates, attachments.</summary>
    /// <value>The default is <c>.byoc</c> (relative to the working directory).</value>
    public string StateDirectory { get; set; } = ".byoc";

    /// <summary>Keep records and events in memory only (tests); keys and certificates are still written to the state folder.</summary>
    /// <value>The default is false.</value>
    public bool InMemory { get; set; }

    /// <summary>What the first start seeds into an empty org.</summary>
    /// <value>The default is <see cref="SeedProfile.Complete"/>.</value>
    public SeedProfile Seed { get; set; } = SeedProfile.Complete;

    /// <summary>
    /// How long an access token (a session) stays valid without use; a use in the second half of the timeout extends it
    /// (Salesforce Help, "Session Settings").
    /// </summary>
    /// <value>The default is 2 hours (the default session timeout of an org).</value>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Pub/Sub: how long a subscription may stay silent before the server sends an empty keep-alive FetchResponse.</summary>
    /// <value>The default is 270 seconds.</value>
    public TimeSpan PubSubKeepAlive { get; set; } = TimeSpan.FromSeconds(270);

    /// <summary>Pub/Sub: how long a subscription with no pending credit stays open before the server closes it.</summary>
    /// <value>
    /// The default is 60 seconds from the FetchResponse that used up the credit: the Subscribe RPC Method page ("Subscribe
    /// Keepalive Behavior") says a new FetchRequest is due within 60 seconds; the proto's older comment said about 70.
    /// </value>
    public TimeSpan PubSubIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long published events stay available for replay.</summary>
    /// <value>The default is 72 hours.</value>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Shared key for the admin endpoints (<c>X-Emulator-Admin-Key</c>); null allows loopback callers only.</summary>
    /// <value>The default is null.</value>
    public string? AdminKey { get; set; }

    /// <summary>Fault injection at start; changeable at run time through <c>POST /emulator/faults</c>.</summary>
    /// <value>The default injects no faults.</value>
    public FaultOptions Faults { get; set; } = new();
}
