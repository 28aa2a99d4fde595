namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>One Acme channel.</summary>
internal sealed class AcmeEndpointOptions
{
    /// <summary>The Salesforce channel address.</summary>
    public string? ChannelAddressIdentifier { get; set; }

    /// <summary>The shared secret Acme signs requests with.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The token Acme's webhook verification handshake must present.</summary>
    public string? VerifyToken { get; set; }
}
