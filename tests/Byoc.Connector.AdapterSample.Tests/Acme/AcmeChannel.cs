using Byoc.Core.Channels;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>One configured Acme channel.</summary>
internal sealed record AcmeChannel(string Name, string ChannelAddressIdentifier, IInboundChannelAdapter Inbound, IOutboundChannelAdapter Outbound)
    : IChannel;
