namespace Byoc.Emulator.Hosting;

/// <summary>The three listeners of one emulator process, mirroring the three hosts of a real org (interaction-service-api.md §2).</summary>
internal enum EmulatorListener
{
    /// <summary>The org instance (My Domain): OAuth, REST, attachment downloads, the rep console, the admin endpoints.</summary>
    Instance,

    /// <summary>The Interaction Service API host (SCRT2, <c>*.my.salesforce-scrt.com</c>).</summary>
    Scrt,

    /// <summary>The Pub/Sub API gRPC endpoint (<c>api.pubsub.salesforce.com:7443</c>).</summary>
    PubSub,
}
