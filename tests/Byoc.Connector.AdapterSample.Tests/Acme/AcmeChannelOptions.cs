namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>The Acme channels of the sample. Section <c>Sample:Acme:Channels:{name}</c>.</summary>
internal sealed class AcmeChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sample:Acme";

    /// <summary>Channels by name.</summary>
    public Dictionary<string, AcmeEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
